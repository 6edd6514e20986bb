package io.expanse.ui.main;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.expanse.settings.SettingsStore;
import io.expanse.text.Texts;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.application.Application;
import javafx.application.Platform;

/**
 * The language and the theme: what View → Language and View → Theme chose (remembered in the settings), or what
 * the operating system says.
 *
 * <p>The language is chosen once before the toolkit starts ({@link #startupLocale}); choosing another one here
 * switches {@link Texts} and the JVM's default locale, and the caller rebuilds the window. The theme switches at
 * once; "System" asks the OS off the FX thread ({@link OsTheme}) and is light until the answer comes.
 */
public final class Appearance {

    /** View → Theme. */
    public enum Theme {
        SYSTEM, LIGHT, DARK;

        /** The settings' value: null for SYSTEM. */
        String settingsValue() {
            return this == SYSTEM ? null : name().toLowerCase(Locale.ROOT);
        }

        static Theme of(String settingsValue) {
            if ("dark".equals(settingsValue)) {
                return DARK;
            }
            return "light".equals(settingsValue) ? LIGHT : SYSTEM;
        }
    }

    private final SettingsStore store;
    private final Executor background;
    private Theme theme;
    private volatile Boolean osDark;
    private boolean applied;

    /** Reads the remembered theme; with "System", asks the OS on {@code background} at once. */
    public Appearance(SettingsStore store, Executor background) {
        this.store = store;
        this.background = background;
        this.theme = Theme.of(store.current().theme());
        if (theme == Theme.SYSTEM) {
            askOs();
        }
    }

    /**
     * The language to start in: {@code rememberedTag} (View → Language) when set, else the OS's locale; either way
     * one Expanse speaks ({@link Texts#supported}).
     */
    public static Locale startupLocale(String rememberedTag, Locale os) {
        return Texts.supported(rememberedTag == null || rememberedTag.isBlank() ? os
                : Locale.forLanguageTag(rememberedTag));
    }

    /**
     * The OS's language: the POSIX variables first (LC_ALL, LC_MESSAGES, LANG, the first one set), as the JVM reads
     * them only through the C library, which falls back to English when that locale is not installed; else the
     * JVM's default (Windows, macOS).
     */
    public static Locale osLocale(java.util.Map<String, String> env, Locale jvmDefault) {
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                String tag = v.strip().replaceFirst("[.@].*$", "").replace('_', '-');
                return "C".equals(tag) || "POSIX".equals(tag) ? jvmDefault : Locale.forLanguageTag(tag);
            }
        }
        return jvmDefault;
    }

    /** Makes {@code locale} the language of every text made from now on, and the JVM's default. */
    public static void useLanguage(Locale locale) {
        Texts.use(locale);
        Locale.setDefault(Texts.locale());
    }

    /** The language in use. */
    public Locale language() {
        return Texts.locale();
    }

    /** View → Language: remembers it and switches to it; the caller rebuilds the window. */
    public void chooseLanguage(Locale locale) {
        Locale chosen = Texts.supported(locale);
        useLanguage(chosen);
        String tag = chosen.toLanguageTag();
        background.execute(() -> store.update(s -> s.withLanguage(tag)));
    }

    public Theme theme() {
        return theme;
    }

    /** View → Theme: remembers it and applies it. */
    public void chooseTheme(Theme next) {
        theme = next;
        background.execute(() -> store.update(s -> s.withTheme(next.settingsValue())));
        if (next == Theme.SYSTEM && osDark == null) {
            askOs();
        }
        applyTheme();
    }

    /** Whether the dark theme is (or is about to be) in use. */
    public boolean dark() {
        return theme == Theme.DARK || theme == Theme.SYSTEM && Boolean.TRUE.equals(osDark);
    }

    /** Sets the AtlantaFX theme (Primer light or dark) for every window; call on the FX thread. */
    public void applyTheme() {
        applied = true;
        Application.setUserAgentStylesheet(dark() ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    private void askOs() {
        background.execute(() -> {
            boolean dark = OsTheme.prefersDark();
            osDark = dark;
            if (dark) {
                Platform.runLater(() -> {
                    if (applied && theme == Theme.SYSTEM) {
                        applyTheme();
                    }
                });
            }
        });
    }
}
