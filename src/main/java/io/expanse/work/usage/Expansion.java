package io.expanse.work.usage;

import java.time.Instant;

/** A completed expansion of a volume, for the "not grown" check (e.g. from the activity history). */
public record Expansion(String volumeId, long oldSizeGb, long newSizeGb, Instant completedAt) {
}
