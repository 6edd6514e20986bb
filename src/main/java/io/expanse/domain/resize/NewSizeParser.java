package io.expanse.domain.resize;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the new-size field. Accepts a whole number of GB with an optional unit pasted from a console
 * ("200", " 200 ", "200GB", "200 gb", "200G", "200GiB"); leading zeros are ignored. Full-width forms ("２００",
 * "２００ＧＢ", typed with a CJK input method) are accepted: full-width ASCII, the ideographic space and the no-break
 * space are mapped to plain ASCII first. Any other character (superscripts, circled or mathematical digits, other
 * scripts' digits, unit symbols such as ㎇) is refused rather than folded into a number it does not show. Text longer
 * than {@link #MAX_LENGTH} characters is refused before anything else looks at it, so that the field's checks,
 * which run on every keystroke, stay cheap whatever is pasted. Everything else is refused with a sentence the
 * operator can act on.
 */
public final class NewSizeParser {

    /** Above this nothing is a plausible disk size (the largest disk is 32768 GB); such input is a typo. */
    public static final long MAX_PLAUSIBLE_GB = 1_000_000;

    /** The longest text looked at; no way of writing a size needs more. */
    public static final int MAX_LENGTH = 32;

    static final String MISSING = "Enter the new size in GB.";
    static final String NOT_A_NUMBER = "Enter a whole number of GB, e.g. 200.";
    static final String TOO_LONG = "That is too long for a size: enter a whole number of GB, e.g. 200 (at most "
            + MAX_LENGTH + " characters).";
    static final String NOT_PLAIN_DIGITS = "Enter a whole number of GB with the digits 0 to 9, e.g. 200.";

    private static final Pattern GB_UNIT = Pattern.compile("(?i)(.*?)\\s*(?:gib|gb|g)");
    private static final Pattern OTHER_UNIT = Pattern.compile("(?i)\\d[\\d.,\\s]*?\\s*(tib|tb|t|mib|mb|m)");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SIGNED_MINUS = Pattern.compile("-\\s*\\d+(?:[.,]\\d+)?");
    private static final Pattern SIGNED_PLUS = Pattern.compile("\\+\\s*(\\d+)");
    private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(?:([,' _])\\d{3})(?:\\1\\d{3})*");
    private static final Pattern DECIMAL = Pattern.compile("(\\d*)([.,])(\\d+)");

    private NewSizeParser() {
    }

    /** Parses {@code text}; never throws. */
    public static ParsedSize parse(String text) {
        if (text == null) {
            return ParsedSize.refused(Rule.SIZE_MISSING, MISSING);
        }
        // First of all: every later step (and the policy's, on every keystroke) is then bounded.
        if (text.length() > MAX_LENGTH) {
            return ParsedSize.refused(Rule.SIZE_NOT_A_NUMBER, TOO_LONG);
        }
        String s = toAscii(text);
        if (s == null) {
            return ParsedSize.refused(Rule.SIZE_NOT_A_NUMBER, NOT_PLAIN_DIGITS);
        }
        s = s.strip();
        if (s.isEmpty()) {
            return ParsedSize.refused(Rule.SIZE_MISSING, MISSING);
        }
        Matcher unit = GB_UNIT.matcher(s);
        if (unit.matches()) {
            s = unit.group(1).strip();
            if (s.isEmpty()) {
                return ParsedSize.refused(Rule.SIZE_NOT_A_NUMBER, NOT_A_NUMBER);
            }
        } else {
            Matcher other = OTHER_UNIT.matcher(s);
            if (other.matches()) {
                String u = other.group(1).toUpperCase(Locale.ROOT);
                String hint = u.startsWith("T") ? "1 TB is 1024 GB" : "1 GB is 1024 MB";
                return ParsedSize.refused(Rule.SIZE_NOT_A_NUMBER,
                        "Enter the new size in GB, not " + u + " (" + hint + "), e.g. 200.");
            }
        }
        if (DIGITS.matcher(s).matches()) {
            return wholeNumber(s);
        }
        if (SIGNED_MINUS.matcher(s).matches()) {
            return ParsedSize.refused(Rule.SIZE_NOT_POSITIVE,
                    "The new size must be a positive whole number of GB; \"" + s + "\" is not.");
        }
        Matcher plus = SIGNED_PLUS.matcher(s);
        if (plus.matches()) {
            return ParsedSize.refused(Rule.SIZE_NOT_A_NUMBER, "Enter the new total size in GB without a sign, e.g. "
                    + stripZeros(plus.group(1)) + "; \"" + s + "\" could be read as an increase.");
        }
        if (THOUSANDS.matcher(s).matches()) {
            String joined = stripZeros(s.replaceAll("[,' _]", ""));
            if (tooLarge(joined)) {
                return farAbove(joined);
            }
            return ParsedSize.refused(Rule.SIZE_NOT_A_NUMBER,
                    "Type the size without separators: " + joined + " instead of \"" + s + "\".");
        }
        Matcher dec = DECIMAL.matcher(s);
        if (dec.matches()) {
            String whole = dec.group(1).isEmpty() ? "0" : stripZeros(dec.group(1));
            String hint = ".".equals(dec.group(2)) && dec.group(3).length() == 3
                    ? " If you meant " + whole + dec.group(3) + " GB, type " + whole + dec.group(3) + "."
                    : "";
            return ParsedSize.refused(Rule.SIZE_DECIMAL, "Enter whole GB only: the API would silently cut "
                    + s + " to " + whole + "." + hint);
        }
        return ParsedSize.refused(Rule.SIZE_NOT_A_NUMBER, NOT_A_NUMBER);
    }

    /**
     * Maps full-width ASCII (U+FF01 to U+FF5E, what a CJK input method types), the ideographic space and the
     * no-break space to their ASCII counterparts; null when any other non-ASCII character is present.
     */
    private static String toAscii(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.append(c);
            } else if (c >= '\uFF01' && c <= '\uFF5E') {
                out.append((char) (c - 0xFEE0));
            } else if (c == '\u3000' || c == '\u00A0') {
                out.append(' ');
            } else {
                return null;
            }
        }
        return out.toString();
    }

    private static ParsedSize wholeNumber(String digits) {
        String n = stripZeros(digits);
        if (tooLarge(n)) {
            return farAbove(n);
        }
        long gb = Long.parseLong(n);
        if (gb == 0) {
            return ParsedSize.refused(Rule.SIZE_NOT_POSITIVE, "The new size must be a positive whole number of GB, not 0.");
        }
        return ParsedSize.accepted(gb);
    }

    /** True when the digit string (no leading zeros) exceeds {@link #MAX_PLAUSIBLE_GB}, including longs overflows. */
    private static boolean tooLarge(String n) {
        return n.length() > 7 || Long.parseLong(n) > MAX_PLAUSIBLE_GB;
    }

    private static ParsedSize farAbove(String n) {
        String shown = n.length() <= 24 ? n + " GB" : "A " + n.length() + "-digit number of GB";
        return ParsedSize.refused(Rule.SIZE_OVER_DATA_LIMIT, shown + " is far above the largest disk ("
                + ResizePolicy.DATA_DISK_MAX_GB + " GB).");
    }

    private static String stripZeros(String digits) {
        String n = digits.replaceFirst("^0+", "");
        return n.isEmpty() ? "0" : n;
    }
}
