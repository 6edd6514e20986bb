package io.expanse.ui.main;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Whether the operating system asks for dark windows, where that can be read: GNOME's {@code color-scheme}
 * (gsettings), Windows' {@code AppsUseLightTheme} (registry), macOS' {@code AppleInterfaceStyle}. Each probe is one
 * short command with a timeout; it blocks, so call it off the FX thread. Anything unreadable means light.
 */
public final class OsTheme {

    private static final long TIMEOUT_MS = 1500;

    private OsTheme() {
    }

    /** True when the OS is set to a dark appearance; false when it is light or cannot be read. */
    public static boolean prefersDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String out = run(List.of("reg", "query",
                    "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize", "/v",
                    "AppsUseLightTheme"));
            return out != null && windowsSaysDark(out);
        }
        if (os.contains("mac")) {
            String out = run(List.of("defaults", "read", "-g", "AppleInterfaceStyle"));
            return out != null && out.strip().equalsIgnoreCase("dark");
        }
        String out = run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        return out != null && gnomeSaysDark(out);
    }

    /** {@code 'prefer-dark'} (GNOME 42+). */
    static boolean gnomeSaysDark(String gsettingsOutput) {
        return gsettingsOutput.toLowerCase(Locale.ROOT).contains("dark");
    }

    /** {@code AppsUseLightTheme    REG_DWORD    0x0}: 0 means dark. */
    static boolean windowsSaysDark(String regOutput) {
        return regOutput.contains("AppsUseLightTheme") && regOutput.strip().endsWith("0x0");
    }

    /** The command's standard output when it ended with 0 within the timeout, else null. */
    private static String run(List<String> command) {
        Process p = null;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                return null;
            }
            try (InputStream in = p.getInputStream()) {
                String out = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                return p.exitValue() == 0 ? out : null;
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }
}
