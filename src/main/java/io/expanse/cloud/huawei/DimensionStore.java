package io.expanse.cloud.huawei;

import io.expanse.cloud.huawei.DiskUsageApi.AgentDimensions;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Where {@link CloudEyeClient} keeps each server's agent dimensions between reads and between launches, so that a
 * refresh or a restart needs only the metric calls. The client decides what is still fresh; a store only keeps
 * what it is given. {@link #NONE} keeps nothing (the client then remembers for as long as it lives).
 */
public interface DimensionStore {

    /**
     * What was read for one server.
     *
     * @param attachments the server's attachments when it was read ({@link DiskUsageApi#attachmentKey}), or null
     *                    when not known
     */
    record Entry(AgentDimensions dimensions, Instant readAt, String attachments) {
        public Entry {
            Objects.requireNonNull(dimensions, "dimensions");
            Objects.requireNonNull(readAt, "readAt");
        }
    }

    /** Every entry kept, by server id; an entry that cannot be read back is left out, never thrown. */
    Map<String, Entry> load();

    /** Replaces what is kept with {@code entries}; a failure is logged by the store, never thrown. */
    void save(Map<String, Entry> entries);

    DimensionStore NONE = new DimensionStore() {
        @Override
        public Map<String, Entry> load() {
            return Map.of();
        }

        @Override
        public void save(Map<String, Entry> entries) {
        }
    };
}
