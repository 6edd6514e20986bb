package io.expanse.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AboutInfoTest {

    @Test
    void aLicenceLineReadsAsNameVersionAndLicences() {
        assertEquals("Logback Classic Module 1.5.18 · Eclipse Public License - v 1.0 / GNU Lesser General Public"
                + " License", AboutInfo.readable("(Eclipse Public License - v 1.0) (GNU Lesser General Public License)"
                + " Logback Classic Module (ch.qos.logback:logback-classic:1.5.18 - http://logback.qos.ch/logback-classic)"));
        assertEquals("javafx controls 21.0.12 · GPLv2+CE", AboutInfo.readable("(GPLv2+CE) javafx controls"
                + " (org.openjfx:javafx-controls:21.0.12 - https://openjdk.java.net/projects/openjfx/)"));
        assertEquals("something else", AboutInfo.readable("something else"));
    }

    @Test
    void theBuildListsEveryBundledLibraryWithItsLicence() {
        var libraries = AboutInfo.readLibraries();
        assertTrue(libraries.size() >= 20, libraries.toString());
        assertTrue(libraries.stream().anyMatch(l -> l.startsWith("okhttp 5.") && l.contains("Apache")), libraries.toString());
        assertTrue(libraries.stream().noneMatch(l -> l.contains("junit") || l.contains("monocle")),
                "test libraries are not bundled: " + libraries);
        assertTrue(AboutInfo.readVersion().matches("\\d+\\.\\d+\\.\\d+.*"), AboutInfo.readVersion());
    }
}
