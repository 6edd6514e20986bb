package io.expanse.cloud.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The source-level rules of the shared HTTP layer, until an ArchUnit rule checks the bytecode: UniCloud code uses
 * nothing of Huawei's, and the shared layer knows neither cloud nor JavaFX.
 */
class LayeringTest {

    private static final Path MAIN = Path.of("src", "main", "java", "io", "expanse", "cloud");

    @Test
    void uniCloudImportsNothingFromHuawei() throws IOException {
        assertEquals(List.of(), offenders(MAIN.resolve("unicloud"), "io.expanse.cloud.huawei"));
    }

    @Test
    void theSharedLayerKnowsNoCloudAndNoJavaFx() throws IOException {
        Path http = MAIN.resolve("http");
        assertEquals(List.of(), offenders(http, "io.expanse.cloud.huawei"));
        assertEquals(List.of(), offenders(http, "io.expanse.cloud.unicloud"));
        assertEquals(List.of(), offenders(http, "javafx"));
    }

    /** Files below {@code dir} that mention {@code prefix} in an import or a qualified name. */
    private static List<String> offenders(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).contains(prefix + ".");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Path::toString).toList();
        }
    }
}
