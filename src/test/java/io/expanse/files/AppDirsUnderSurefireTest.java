package io.expanse.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The build runs the tests with {@code HOME} set to {@code target/test-home} (see surefire's configuration in
 * pom.xml): every folder the app would write to, and the home its SDK credentials are looked up in, must then lie
 * inside that folder, whatever the JDK's {@code user.home} (read from the password database) says.
 */
class AppDirsUnderSurefireTest {

    @Test
    void everyFolderIsInsideTheTestHome() {
        String homeVariable = System.getenv("HOME");
        assertNotNull(homeVariable, "surefire sets HOME");
        Path testHome = Path.of(homeVariable).toAbsolutePath().normalize();
        assertEquals("test-home", testHome.getFileName().toString(), "HOME is the build's test home");

        Properties noOverride = new Properties();
        noOverride.putAll(System.getProperties());
        noOverride.remove(AppDirs.OVERRIDE_PROPERTY);
        for (AppDirs dirs : List.of(AppDirs.detect(), AppDirs.detect(System.getenv(), noOverride))) {
            assertEquals(testHome, dirs.home().toAbsolutePath().normalize());
            for (Path p : List.of(dirs.data(), dirs.config(), dirs.logs())) {
                assertTrue(p.toAbsolutePath().normalize().startsWith(testHome), p + " is not inside " + testHome);
            }
        }
    }
}
