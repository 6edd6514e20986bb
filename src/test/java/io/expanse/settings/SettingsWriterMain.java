package io.expanse.settings;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Child process of {@link SettingsCrashSafetyTest}: opens the settings, prints {@code READY} (or {@code PROBLEM …}),
 * adds a profile of its own, then saves a counter in a table layout of its own in a loop, printing
 * {@code ACK <run> <n>} after each save returned, until it is killed.
 */
public final class SettingsWriterMain {

    private SettingsWriterMain() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        SettingsStore store = new SettingsStore(Path.of(args[0]), Clock.systemUTC());
        String run = args[1];
        store.load();
        if (!store.loadProblems().isEmpty()) {
            out.println("PROBLEM " + store.loadProblems());
            out.flush();
            System.exit(3);
        }
        out.println("READY " + store.current().profiles().size());
        out.flush();
        store.update(s -> s.withProfile(new Profile("run-" + run, "Run " + run, Profile.Kind.HUAWEI,
                Profile.Source.SETTINGS, "cn-north-4", null, null, null, "HPUAEXAMPLEAK0000001", false, Map.of())));
        out.println("PROFILE " + run);
        out.flush();
        for (int i = 0; ; i++) {
            int n = i;
            store.update(s -> s.withTable("run-" + run, new Settings.TableState(List.of(Integer.toString(n)),
                    Map.of(), List.of())).withLastProfileId("run-" + run));
            out.println("ACK " + run + " " + n);
            out.flush();
        }
    }
}
