package io.expanse.work.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.huawei.DimensionStore.Entry;
import io.expanse.cloud.huawei.DiskUsageApi.AgentDimension;
import io.expanse.cloud.huawei.DiskUsageApi.AgentDimensions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file of kept agent dimensions: what is saved reads back; whatever is damaged is left out, never thrown. */
class DimensionCacheFileTest {

    private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path dir;

    private static Entry agent(String id) {
        return new Entry(new AgentDimensions(id, io.expanse.cloud.huawei.DiskUsageApi.AgentState.AGENT,
                List.of(new AgentDimension("mount_point", "a1", "/"), new AgentDimension("mount_point", "b2", "/data")),
                List.of(new AgentDimension("disk", "c3", "vdb")), null), AT, "v1=/dev/vda,v2=/dev/vdb");
    }

    @Test
    void savedEntriesReadBackEqual() {
        DimensionCacheFile f = DimensionCacheFile.of(dir, "profile-p/1", "proj");
        Entry none = new Entry(AgentDimensions.noAgent("s2", "no agent here"), AT, null);
        f.save(Map.of("s1", agent("s1"), "s2", none));
        assertEquals("ces-dimensions-profile-p_1-proj.json", f.file().getFileName().toString());
        assertEquals(Map.of("s1", agent("s1"), "s2", none), new DimensionCacheFile(f.file()).load());
    }

    @Test
    void noFileIsNothingKept() {
        assertEquals(Map.of(), DimensionCacheFile.of(dir, "a", "p").load());
    }

    @Test
    void aFileThatIsNotJsonOrOfAnotherVersionIsNothingKept() throws Exception {
        DimensionCacheFile f = DimensionCacheFile.of(dir, "a", "p");
        Files.writeString(f.file(), "{\"version\":1,\"servers\":{\"s1\":{\"sta");
        assertEquals(Map.of(), f.load());
        Files.writeString(f.file(), "{\"version\":2,\"servers\":{}}");
        assertEquals(Map.of(), f.load());
        Files.write(f.file(), new byte[] {0, 1, 2});
        assertEquals(Map.of(), f.load());
    }

    @Test
    void aDamagedEntryIsLeftOutAndTheOthersKept() throws Exception {
        DimensionCacheFile f = DimensionCacheFile.of(dir, "a", "p");
        f.save(Map.of("s1", agent("s1")));
        String good = Files.readString(f.file());
        String body = good.substring(good.indexOf("\"s1\":") + 5, good.length() - 2);
        String damaged = "{\"version\":1,\"servers\":{"
                + "\"s1\":" + body + ","
                + "\"bad-time\":" + body.replace(AT.toString(), "yesterday") + ","
                + "\"bad-state\":" + body.replace("\"AGENT\"", "\"MAYBE\"") + ","
                + "\"unread\":" + body.replace("\"AGENT\"", "\"UNREAD\"") + ","
                + "\"no-value\":" + body.replace("\"value\":\"a1\"", "\"value\":7") + ","
                + "\"no-mounts\":" + body.replace("\"mountPoints\"", "\"mounts\"") + ","
                + "\"not-an-object\":[1,2]}}";
        Files.writeString(f.file(), damaged, StandardCharsets.UTF_8);
        Map<String, Entry> read = f.load();
        assertEquals(Map.of("s1", agent("s1")), read);
    }

    @Test
    void aTemporaryFileLeftByAnInterruptedSaveIsRemovedOnOpen() throws Exception {
        DimensionCacheFile f = DimensionCacheFile.of(dir, "a", "p");
        Path temp = dir.resolve(f.file().getFileName() + ".123456.tmp");
        Files.writeString(temp, "{");
        DimensionCacheFile.of(dir, "a", "p");
        assertTrue(Files.notExists(temp));
    }
}
