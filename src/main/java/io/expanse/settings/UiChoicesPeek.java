package io.expanse.settings;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.expanse.files.AppDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The language and theme remembered in the settings file, read on the launcher's thread before the window toolkit
 * starts: with Jackson's streaming parser alone, and without a logger, so that neither the data binding nor the
 * logging set-up (about 120 ms together on a cold JVM) stands between the launch and the first window. They are
 * loaded later, beside the toolkit's start, by {@link SettingsStore#load()} (this class does not initialise that
 * one, whose logger would set up logging).
 */
public final class UiChoicesPeek {

    /** Larger than this is not a settings file Expanse wrote; the full load explains it. */
    private static final long MOST_BYTES = 4 * 1024 * 1024;

    private UiChoicesPeek() {
    }

    /**
     * The choices in the settings file of {@code dirs}, without side effects (no temporary file removed, no damaged
     * file set aside: {@link SettingsStore#load()} does that later). Never throws; a missing, unreadable or
     * malformed file gives no choices.
     */
    public static SettingsStore.UiChoices peek(AppDirs dirs) {
        try {
            Path f = dirs.config().resolve(SettingsStore.FILE_NAME);
            if (!Files.isRegularFile(f) || Files.size(f) > MOST_BYTES) {
                return none();
            }
            return parse(Files.readAllBytes(f));
        } catch (IOException | RuntimeException e) {
            return none();
        }
    }

    /**
     * The top-level {@code language} and {@code theme} strings of a JSON object; none at all unless the whole
     * text is one well-formed object (a damaged file is set aside by the full load, not half believed here).
     */
    static SettingsStore.UiChoices parse(byte[] json) throws IOException {
        String language = null;
        String theme = null;
        try (JsonParser p = new JsonFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return none();
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.VALUE_STRING && "language".equals(name)) {
                    language = p.getText();
                } else if (value == JsonToken.VALUE_STRING && "theme".equals(name)) {
                    theme = p.getText();
                } else {
                    if ("language".equals(name)) {
                        language = null;
                    } else if ("theme".equals(name)) {
                        theme = null;
                    }
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return none();
            }
        }
        return new SettingsStore.UiChoices(language, theme);
    }

    private static SettingsStore.UiChoices none() {
        return new SettingsStore.UiChoices(null, null);
    }
}
