package io.expanse.text;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Every sentence, label and word Expanse shows, in the language chosen at start-up (JabRef's
 * {@code Localization.lang} is the model). No JavaFX: domain rules, API clients, background work and settings
 * use it as the views do.
 *
 * <p>{@link #use(Locale)} is called once at start-up, before any text is made (and again when the operator picks
 * another language, before the window is rebuilt). Until then the English bundle is used, so tests read English
 * whatever the machine's locale.
 *
 * <p>Texts are made when they are needed: a message already stored (the activity history, a pack list's notes)
 * stays in the language it was written in.
 */
public final class Texts {

    /** The base name of the bundles under {@code src/main/resources}. */
    public static final String BUNDLE = "io.expanse.i18n.messages";

    /** The languages Expanse speaks, in the order the View → Language menu lists them. */
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /** Never falls back to the JVM default locale: English is the base bundle, not "whatever the OS says". */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static volatile State state = new State(ENGLISH);

    private Texts() {
    }

    private record State(Locale locale, ResourceBundle bundle) {
        State(Locale locale) {
            this(locale, ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK));
        }
    }

    /** Chooses the language: Chinese for any {@code zh} locale, English otherwise. */
    public static void use(Locale locale) {
        state = new State(supported(locale));
    }

    /** The supported locale closest to {@code locale}: {@link #CHINESE} for any {@code zh*}, else {@link #ENGLISH}. */
    public static Locale supported(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    /** The language in use. */
    public static Locale locale() {
        return state.locale();
    }

    /**
     * The bundle in use, for the FXML loader: each text comes through {@link #get(String, Object...)}, so that
     * {@code ''} reads {@code '} in a view as in code.
     */
    public static ResourceBundle bundle() {
        ResourceBundle raw = state.bundle();
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                return raw.containsKey(key) ? get(key) : null;
            }

            @Override
            public java.util.Enumeration<String> getKeys() {
                return raw.getKeys();
            }

            @Override
            public Locale getLocale() {
                return raw.getLocale();
            }
        };
    }

    /** Whether a key exists in the bundles. */
    public static boolean has(String key) {
        return state.bundle().containsKey(key);
    }

    /**
     * The text of {@code key}, with {@code {0}}, {@code {1}}… replaced by {@code args} formatted for the current
     * locale (numbers with its grouping). A key missing from the bundles is shown as itself, so a slip is visible
     * but never breaks the window; the consistency test catches it before that.
     */
    public static String get(String key, Object... args) {
        State s = state;
        String pattern;
        try {
            pattern = s.bundle().getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args == null || args.length == 0) {
            // Formatted anyway so that '' stands for ' in every message, with or without arguments.
            return pattern.indexOf('\'') < 0 && pattern.indexOf('{') < 0 ? pattern
                    : new MessageFormat(pattern, s.locale()).format(new Object[0]);
        }
        return new MessageFormat(pattern, s.locale()).format(args);
    }

    /**
     * Sentences one after the other, empty ones left out: separated by a space in English, by nothing in Chinese
     * (whose full stop 。 needs none).
     */
    public static String sentences(String... parts) {
        String separator = get("text.sentenceSeparator");
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isEmpty()) {
                if (sb.length() > 0) {
                    sb.append(separator);
                }
                sb.append(p);
            }
        }
        return sb.toString();
    }

    /** A whole number with the locale's grouping: 10,240 in both languages. */
    public static String number(long n) {
        return NumberFormat.getIntegerInstance(locale()).format(n);
    }

    /**
     * A size in GB: "32768 GB", digits without grouping as both clouds' consoles and the API write sizes (and as
     * the operator types them in the size field).
     */
    public static String gb(long gb) {
        return get("unit.gb", Long.toString(gb));
    }

    /** A date in the locale's medium style: "Mar 5, 2027" / "2027年3月5日". */
    public static String date(TemporalAccessor date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
    }

    /**
     * A moment in the operator's zone, with the zone: "2027-03-05 14:03:07 CST". The same pattern in both
     * languages, sortable and unambiguous; the zone is named because jobs run in the cloud's time.
     */
    public static String dateTime(java.time.Instant instant, ZoneId zone) {
        Objects.requireNonNull(instant, "instant");
        return DATE_TIME.withLocale(locale()).format(ZonedDateTime.ofInstant(instant, zone));
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");
}
