package io.expanse.domain.resize;

/** Whether a volume is a server's system (boot) disk, a data disk, or could not be told. */
public enum DiskRole {
    SYSTEM, DATA, UNKNOWN
}
