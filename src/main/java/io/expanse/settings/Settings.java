package io.expanse.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Expanse remembers between runs, as stored by {@link SettingsStore}. Immutable; the {@code with…}
 * methods return changed copies. Holds no secret.
 *
 * @param version       format version ({@link SettingsStore#VERSION} when written by this build)
 * @param profiles      the operator's profiles, and edits to the SDK ones (labels, regions, never secrets)
 * @param lastProfileId the profile chosen last, or null
 * @param lastUniCloudProfileId the UniCloud profile chosen last in the resource packs view, or null (sandbox)
 * @param window        main window geometry, or null for the default
 * @param keyringNoticeDismissed whether the operator dismissed the notice that no keyring is available
 * @param tables        per table id: column order, widths and sort
 * @param language      the language chosen in View → Language ("en", "zh-CN"), or null to follow the OS
 * @param theme         the theme chosen in View → Theme ("light", "dark"), or null to follow the OS ("system")
 * @param usageThreshold use in percent at or above which a disk needs attention, or null for the default (85)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(int version, List<Profile> profiles, String lastProfileId, WindowState window,
                       Map<String, TableState> tables, String lastUniCloudProfileId, String language, String theme,
                       Double usageThreshold, boolean keyringNoticeDismissed) {

    /** Settings without a usage threshold of their own (the default applies) and no notice dismissed. */
    public Settings(int version, List<Profile> profiles, String lastProfileId, WindowState window,
                    Map<String, TableState> tables, String lastUniCloudProfileId, String language, String theme) {
        this(version, profiles, lastProfileId, window, tables, lastUniCloudProfileId, language, theme, null, false);
    }

    /** Settings without a usage threshold of their own (the default applies). */
    public Settings(int version, List<Profile> profiles, String lastProfileId, WindowState window,
                    Map<String, TableState> tables, String lastUniCloudProfileId, String language, String theme,
                    boolean keyringNoticeDismissed) {
        this(version, profiles, lastProfileId, window, tables, lastUniCloudProfileId, language, theme, null,
                keyringNoticeDismissed);
    }

    /** Settings with a usage threshold (null: the default) and no notice dismissed. */
    public Settings(int version, List<Profile> profiles, String lastProfileId, WindowState window,
                    Map<String, TableState> tables, String lastUniCloudProfileId, String language, String theme,
                    Double usageThreshold) {
        this(version, profiles, lastProfileId, window, tables, lastUniCloudProfileId, language, theme, usageThreshold,
                false);
    }

    /** Main window position (null x/y: centre it) and size. */
    public record WindowState(Double x, Double y, double width, double height, boolean maximized) {
    }

    /** One sort key of a table. */
    public record SortColumn(String column, boolean ascending) {
    }

    /**
     * A table's layout.
     *
     * @param columnOrder column ids, left to right
     * @param widths      column id → width in pixels
     * @param sort        sort keys, most significant first
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TableState(List<String> columnOrder, Map<String, Double> widths, List<SortColumn> sort) {
        public TableState {
            columnOrder = columnOrder == null ? List.of() : List.copyOf(columnOrder);
            widths = widths == null ? Map.of() : Map.copyOf(widths);
            sort = sort == null ? List.of() : List.copyOf(sort);
        }
    }

    public Settings {
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        tables = tables == null ? Map.of() : Map.copyOf(tables);
    }

    /** Nothing remembered yet. */
    public static Settings empty() {
        return new Settings(SettingsStore.VERSION, List.of(), null, null, Map.of(), null, null, null, false);
    }

    public Optional<Profile> profile(String id) {
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Adds the profile, or replaces the one with its id in place. */
    public Settings withProfile(Profile profile) {
        List<Profile> next = new ArrayList<>(profiles);
        int at = indexOf(profile.id());
        if (at < 0) {
            next.add(profile);
        } else {
            next.set(at, profile);
        }
        return new Settings(version, next, lastProfileId, window, tables, lastUniCloudProfileId, language, theme,
                usageThreshold, keyringNoticeDismissed);
    }

    public Settings withoutProfile(String id) {
        List<Profile> next = new ArrayList<>(profiles);
        next.removeIf(p -> p.id().equals(id));
        return new Settings(version, next, id.equals(lastProfileId) ? null : lastProfileId, window, tables,
                id.equals(lastUniCloudProfileId) ? null : lastUniCloudProfileId, language, theme,
                usageThreshold, keyringNoticeDismissed);
    }

    public Settings withLastProfileId(String id) {
        return new Settings(version, profiles, id, window, tables, lastUniCloudProfileId, language, theme,
                usageThreshold, keyringNoticeDismissed);
    }

    /** Remembers the packs view's account: a UniCloud profile id, or null for the sandbox. */
    public Settings withLastUniCloudProfileId(String id) {
        return new Settings(version, profiles, lastProfileId, window, tables, id, language, theme,
                usageThreshold, keyringNoticeDismissed);
    }

    public Settings withWindow(WindowState newWindow) {
        return new Settings(version, profiles, lastProfileId, newWindow, tables, lastUniCloudProfileId, language, theme,
                usageThreshold, keyringNoticeDismissed);
    }

    public Optional<TableState> table(String tableId) {
        return Optional.ofNullable(tables.get(tableId));
    }

    public Settings withTable(String tableId, TableState state) {
        Map<String, TableState> next = new LinkedHashMap<>(tables);
        next.put(tableId, state);
        return new Settings(version, profiles, lastProfileId, window, next, lastUniCloudProfileId, language, theme,
                usageThreshold, keyringNoticeDismissed);
    }

    /** Remembers View → Language: a language tag ("en", "zh-CN"), or null to follow the OS. */
    public Settings withLanguage(String languageTag) {
        return new Settings(version, profiles, lastProfileId, window, tables, lastUniCloudProfileId, languageTag,
                theme, usageThreshold, keyringNoticeDismissed);
    }

    /** Remembers View → Theme: "light" or "dark", or null to follow the OS. */
    public Settings withTheme(String themeName) {
        return new Settings(version, profiles, lastProfileId, window, tables, lastUniCloudProfileId, language,
                themeName, usageThreshold, keyringNoticeDismissed);
    }

    /** Remembers that the operator dismissed the notice that no keyring is available (shown again never). */
    public Settings withKeyringNoticeDismissed(boolean dismissed) {
        return new Settings(version, profiles, lastProfileId, window, tables, lastUniCloudProfileId, language, theme,
                usageThreshold, dismissed);
    }

    /** Remembers the usage threshold in percent (null: the default). */
    public Settings withUsageThreshold(Double percent) {
        return new Settings(version, profiles, lastProfileId, window, tables, lastUniCloudProfileId, language, theme,
                percent, keyringNoticeDismissed);
    }

    Settings withVersion(int newVersion) {
        return new Settings(newVersion, profiles, lastProfileId, window, tables, lastUniCloudProfileId, language, theme,
                usageThreshold, keyringNoticeDismissed);
    }

    private int indexOf(String id) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
