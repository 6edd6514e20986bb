package io.expanse.domain.resize;

/**
 * The rule a resize request failed. The constants are grouped by what they look at (the size typed, then the
 * volume, its server and any resize in flight); the order in which {@link ResizePolicy} checks them is in its class
 * comment.
 */
public enum Rule {
    SIZE_MISSING,
    SIZE_NOT_A_NUMBER,
    SIZE_DECIMAL,
    SIZE_NOT_POSITIVE,
    SIZE_NOT_LARGER,
    SIZE_OVER_SYSTEM_LIMIT,
    SIZE_OVER_DATA_LIMIT,
    VOLUME_STATUS,
    MULTIATTACH_IN_USE,
    SERVER_STATUS,
    SERVER_UNKNOWN,
    RESIZE_IN_FLIGHT
}
