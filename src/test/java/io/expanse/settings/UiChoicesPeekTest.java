package io.expanse.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.expanse.files.AppDirs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UiChoicesPeekTest {

    @ParameterizedTest(name = "{index}: {0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "{\"version\":1,\"language\":\"zh-CN\",\"theme\":\"dark\"}|zh-CN|dark",
            "{\"window\":{\"language\":\"en\",\"x\":[1,2,{\"theme\":\"light\"}]},\"language\":\"en\"}|en|-",
            "{\"language\":42,\"theme\":null}|-|-",
            "{\"language\":\"en\",\"language\":7}|-|-",
            "{\"language\":\"zh-CN\"|-|-",
            "{\"language\":\"zh-CN\"} trailing|-|-",
            "[\"language\",\"en\"]|-|-",
            "\"en\"|-|-",
            "''|-|-"})
    void onlyAWellFormedObjectsTopLevelStringsCount(String json, String language, String theme) {
        SettingsStore.UiChoices c = peekOf(json);
        assertEquals(language, c.language());
        assertEquals(theme, c.theme());
    }

    @Test
    void noFileNoChoices(@TempDir Path dir) {
        AppDirs dirs = new AppDirs(dir.resolve("data"), dir.resolve("config"), dir.resolve("logs"));
        assertEquals(new SettingsStore.UiChoices(null, null), UiChoicesPeek.peek(dirs));
    }

    @Test
    void theFileTheStoreWroteIsReadTheSame(@TempDir Path dir) throws Exception {
        AppDirs dirs = new AppDirs(dir.resolve("data"), dir.resolve("config"), dir.resolve("logs"));
        Files.createDirectories(dirs.config());
        Files.writeString(dirs.config().resolve(SettingsStore.FILE_NAME),
                "{\n  \"version\" : 1,\n  \"theme\" : \"dark\",\n  \"language\" : \"zh-CN\"\n}\n");
        assertEquals(new SettingsStore.UiChoices("zh-CN", "dark"), UiChoicesPeek.peek(dirs));
    }

    private static SettingsStore.UiChoices peekOf(String json) {
        try {
            return UiChoicesPeek.parse(json.getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            return new SettingsStore.UiChoices(null, null);
        }
    }
}
