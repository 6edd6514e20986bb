package io.expanse.domain.resize;

/**
 * Result of parsing what the operator typed into the new-size field.
 *
 * @param gb    the size in GB, or -1 when refused
 * @param error an operator sentence explaining the refusal, or null when accepted
 * @param rule  the rule the text failed ({@link Rule#SIZE_MISSING}, {@link Rule#SIZE_NOT_A_NUMBER},
 *              {@link Rule#SIZE_DECIMAL}, {@link Rule#SIZE_NOT_POSITIVE}, or {@link Rule#SIZE_OVER_DATA_LIMIT} for a
 *              number far above any disk), or null when accepted
 */
public record ParsedSize(long gb, String error, Rule rule) {

    public ParsedSize {
        if ((error == null) != (rule == null)) {
            throw new IllegalArgumentException("error and rule must both be set or both be null");
        }
        if (error == null && gb < 1) {
            throw new IllegalArgumentException("an accepted size must be positive: " + gb);
        }
        if (error != null && gb != -1) {
            throw new IllegalArgumentException("a refused size must have gb = -1");
        }
    }

    public static ParsedSize accepted(long gb) {
        return new ParsedSize(gb, null, null);
    }

    public static ParsedSize refused(Rule rule, String error) {
        return new ParsedSize(-1, error, rule);
    }

    public boolean ok() {
        return error == null;
    }
}
