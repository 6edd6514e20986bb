package io.expanse.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SandboxMainOptionsTest {

    @Test
    void generatedVolumesOnTheAskedServersWithTheSameSeedGiveTheSameCloud() {
        SandboxMain.Options o = SandboxMain.Options.parse("--volumes", "80", "--servers", "10", "--seed", "7",
                "--latency-ms", "100", "--port", "0");
        assertEquals(100, o.latencyMs());
        SandboxCloud a = o.cloud(Clock.systemUTC());
        SandboxCloud b = o.cloud(Clock.systemUTC());
        assertEquals(80, a.volumes().size());
        assertEquals(a.volumes().stream().map(SandboxVolume::id).sorted().toList(),
                b.volumes().stream().map(SandboxVolume::id).sorted().toList());
        long servers = a.volumes().stream().filter(v -> !v.attachments().isEmpty())
                .map(v -> v.attachments().get(0).serverId()).distinct().count();
        assertEquals(10, servers);
    }

    @Test
    void withoutVolumesItIsTheStandardSandbox() {
        SandboxMain.Options o = SandboxMain.Options.parse();
        assertEquals(SandboxCloud.standard(Clock.systemUTC()).volumes().size(),
                o.cloud(Clock.systemUTC()).volumes().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--volumes 0|--volumes needs a whole number from 1 to 1000000",
            "--volumes ten|--volumes needs a whole number from 1 to 1000000",
            "--servers 5|--servers needs --volumes",
            "--latency-ms 60001|--latency-ms needs a whole number of milliseconds from 0 to 60000",
            "--port 70000|--port needs a port from 0 to 65535",
            "--ak only|--ak and --sk go together",
            "--seed|--seed needs a value",
            "--colour blue|unknown option --colour"})
    void aBadCommandLineIsRefusedWithTheReason(String line, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SandboxMain.Options.parse(line.split(" ")));
        assertEquals(reason, e.getMessage());
    }
}
