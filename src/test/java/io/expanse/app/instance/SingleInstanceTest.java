package io.expanse.app.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Launches as separate processes, because file locks are per process. */
class SingleInstanceTest {

    @TempDir
    Path folder;

    private Process probe(long waitSeconds, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), InstanceProbe.class.getName(), folder.toString(),
                Long.toString(waitSeconds)));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String firstLine(Process p) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (!line.contains(" INFO ") && !line.contains(" DEBUG ") && !line.contains(" WARN ")) {
                return line;
            }
        }
        return "";
    }

    private static List<String> lines(Process p) throws Exception {
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the probe ended");
        List<String> out = new ArrayList<>();
        for (String l : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
            if (l.startsWith("primary") || l.startsWith("received") || l.startsWith("handed-over")
                    || l.startsWith("unreachable")) {
                out.add(l);
            }
        }
        return out;
    }

    @Test
    void aSecondLaunchHandsItsArgumentsToTheFirstAndEnds() throws Exception {
        SingleInstance.Claim first = SingleInstance.claim(folder, List.of(), Duration.ofSeconds(1));
        SingleInstance instance = assertInstanceOf(SingleInstance.Primary.class, first).instance();
        List<List<String>> received = new CopyOnWriteArrayList<>();
        instance.onHandover(received::add);
        try {
            List<String> out = lines(probe(0, "--sandbox"));
            assertEquals(List.of("handed-over " + ProcessHandle.current().pid()), out);
            assertEquals(List.of(List.of("--sandbox")), received);
        } finally {
            instance.close();
        }
    }

    @Test
    void argumentsThatArriveBeforeAHandlerIsSetAreKeptForIt() throws Exception {
        SingleInstance instance = assertInstanceOf(SingleInstance.Primary.class,
                SingleInstance.claim(folder, List.of(), Duration.ofSeconds(1))).instance();
        try {
            assertEquals(1, lines(probe(0, "early")).size());
            List<List<String>> received = new CopyOnWriteArrayList<>();
            instance.onHandover(received::add);
            assertEquals(List.of(List.of("early")), received);
        } finally {
            instance.close();
        }
    }

    @Test
    void aKilledInstanceDoesNotBlockTheNextLaunch() throws Exception {
        Process crashed = probe(60);
        assertEquals("primary", firstLine(crashed));
        crashed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertTrue(Files.exists(SingleInstance.socketPath(folder)), "the crash left its socket file behind");
        SingleInstance.Claim next = SingleInstance.claim(folder, List.of(), Duration.ofSeconds(2));
        SingleInstance instance = assertInstanceOf(SingleInstance.Primary.class, next).instance();
        try {
            List<List<String>> received = new CopyOnWriteArrayList<>();
            instance.onHandover(received::add);
            assertEquals(1, lines(probe(0, "--after-crash")).size());
            assertEquals(List.of(List.of("--after-crash")), received, "the new instance answers on a fresh socket");
        } finally {
            instance.close();
        }
    }

    @Test
    void twoLaunchesAtOnceGiveOneInstance() throws Exception {
        Process a = probe(20, "from-a");
        Process b = probe(20, "from-b");
        List<String> all = new ArrayList<>(lines(a));
        all.addAll(lines(b));
        assertEquals(1, all.stream().filter("primary"::equals).count(), all.toString());
        assertEquals(1, all.stream().filter(l -> l.startsWith("handed-over")).count(), all.toString());
        assertTrue(all.contains("received [from-a]") || all.contains("received [from-b]"), all.toString());
    }

    @Test
    void aLongFolderPathGetsItsSocketInTheTemporaryFolder() {
        Path deep = folder.resolve("x".repeat(120));
        Path socket = SingleInstance.socketPath(deep);
        assertTrue(socket.startsWith(Path.of(System.getProperty("java.io.tmpdir"))), socket.toString());
        assertEquals(socket, SingleInstance.socketPath(deep), "both launches compute the same path");
    }
}
