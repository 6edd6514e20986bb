package io.expanse.domain.resize;

import io.expanse.text.Texts;
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


    private static final Pattern GB_UNIT = Pattern.compile("(?i)(.*?)\\s*(?:gib|gb|g)");
    private static final Pattern OTHER_UNIT = Pattern.compile("(?i)\\d[\\d.,\\s]*?\\s*(tib|tb|t|mib|mb|m)");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SIGNED_MINUS = Pattern.compile("-\\s*\\d+(?:[.,]\\d+)?");
    private static final Pattern SIGNED_PLUS = Pattern.compile("\\+\\s*(\\d+)");
    private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(?:([,' _])\\d{3})(?:\\1\\d{3})*");
    private static final Pattern DECIMAL = Pattern.compile("(\\d*)([.,])(\\d+)");

    private NewSizeParser() {
    }

    /** Parses {@code text} as the new size of a disk; never throws. */
    public static ParsedSize parse(String text) {
        return parse(text, Texts.get("size.noun.newSize"));
    }

    /**
     * Parses {@code text}; the sentences name what is typed as {@code noun} ("new size", "capacity", in the
     * language in use). Never throws.
     */
    public static ParsedSize parse(String text, String noun) {
        if (text == null) {
            return ParsedSize.refused(Rule.SIZE_MISSING, missing(noun));
        }
        // First of all: every later step (and the policy's, on every keystroke) is then bounded.
        if (text.length() > MAX_LENGTH) {
            return ParsedSize.refused(Rule.SIZE_NOT_A_NUMBER, tooLong());
        }
        String s = toAscii(text);
        if (s == null) {
            return ParsedSize.refused(Rule.SIZE_NOT_A_NUMBER, notPlainDigits());
        }
        s = s.strip();
        if (s.isEmpty()) {
            return ParsedSize.refused(Rule.SIZE_MISSING, missing(noun));
        }
        Matcher unit = GB_UNIT.matcher(s);
        if (unit.matches()) {
            s = unit.group(1).strip();
            if (s.isEmpty()) {
                return ParsedSize.refused(Rule.SIZE_NOT_A_NUMBER, notANumber());
            }
        } else {
            Matcher other = OTHER_UNIT.matcher(s);
            if (other.matches()) {
                String u = other.group(1).toUpperCase(Locale.ROOT);
                return ParsedSize.refused(Rule.SIZE_NOT_A_NUMBER, Texts.get(u.startsWith("T") ? "size.otherUnit.tb"
                        : "size.otherUnit.mb", noun, u));
            }
        }
        if (DIGITS.matcher(s).matches()) {
            return wholeNumber(s, noun);
        }
        if (SIGNED_MINUS.matcher(s).matches()) {
            return ParsedSize.refused(Rule.SIZE_NOT_POSITIVE, Texts.get("size.negative", noun, s));
        }
        Matcher plus = SIGNED_PLUS.matcher(s);
        if (plus.matches()) {
            return ParsedSize.refused(Rule.SIZE_NOT_A_NUMBER, Texts.get("size.plusSign", stripZeros(plus.group(1)),
                    s));
        }
        if (THOUSANDS.matcher(s).matches()) {
            String joined = stripZeros(s.replaceAll("[,' _]", ""));
            if (tooLarge(joined)) {
                return farAbove(joined);
            }
            return ParsedSize.refused(Rule.SIZE_NOT_A_NUMBER, Texts.get("size.separators", joined, s));
        }
        Matcher dec = DECIMAL.matcher(s);
        if (dec.matches()) {
            String whole = dec.group(1).isEmpty() ? "0" : stripZeros(dec.group(1));
            String cut = Texts.get("size.decimal", s, whole);
            return ParsedSize.refused(Rule.SIZE_DECIMAL, ".".equals(dec.group(2)) && dec.group(3).length() == 3
                    ? Texts.get("size.decimal.thousands", cut, whole + dec.group(3)) : cut);
        }
        return ParsedSize.refused(Rule.SIZE_NOT_A_NUMBER, notANumber());
    }

    public static String missing(String noun) {
        return Texts.get("size.missing", noun);
    }

    static String notANumber() {
        return Texts.get("size.notANumber");
    }

    static String tooLong() {
        return Texts.get("size.tooLong", MAX_LENGTH);
    }

    static String notPlainDigits() {
        return Texts.get("size.notPlainDigits");
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

    private static ParsedSize wholeNumber(String digits, String noun) {
        String n = stripZeros(digits);
        if (tooLarge(n)) {
            return farAbove(n);
        }
        long gb = Long.parseLong(n);
        if (gb == 0) {
            return ParsedSize.refused(Rule.SIZE_NOT_POSITIVE, Texts.get("size.zero", noun));
        }
        return ParsedSize.accepted(gb);
    }

    /** True when the digit string (no leading zeros) exceeds {@link #MAX_PLAUSIBLE_GB}, including longs overflows. */
    private static boolean tooLarge(String n) {
        return n.length() > 7 || Long.parseLong(n) > MAX_PLAUSIBLE_GB;
    }

    private static ParsedSize farAbove(String n) {
        return ParsedSize.refused(Rule.SIZE_OVER_DATA_LIMIT, n.length() <= 24
                ? Texts.get("size.farAbove", n, Long.toString(ResizePolicy.DATA_DISK_MAX_GB))
                : Texts.get("size.farAbove.digits", n.length(), Long.toString(ResizePolicy.DATA_DISK_MAX_GB)));
    }

    private static String stripZeros(String digits) {
        String n = digits.replaceFirst("^0+", "");
        return n.isEmpty() ? "0" : n;
    }
}
