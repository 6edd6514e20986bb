package io.expanse.domain.resize;

import static io.expanse.domain.resize.Fixtures.server;
import static io.expanse.domain.resize.Fixtures.volume;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResizePolicyTest {

    private final ResizePolicy policy = new ResizePolicy();

    /** The 18 documented EVS volume statuses (reference §1). */
    static final List<String> VOLUME_STATUSES = List.of("creating", "available", "in-use", "error", "attaching",
            "detaching", "restoring-backup", "backing-up", "error_restoring", "uploading", "downloading", "extending",
            "error_extending", "deleting", "error_deleting", "rollbacking", "error_rollbacking", "awaiting-transfer");

    static final List<String> SERVER_OK = List.of("ACTIVE", "PAUSED", "SUSPENDED", "SHUTOFF");
    static final List<String> SERVER_BAD = List.of("BUILD", "REBOOT", "HARD_REBOOT", "RESIZE", "VERIFY_RESIZE",
            "REVERT_RESIZE", "MIGRATING", "REBUILD", "ERROR", "SHELVED", "SHELVED_OFFLOADED", "SOFT_DELETED", "DELETED",
            "UNKNOWN");

    private static ResizeContext ctx(Volume v, ServerInfo s, DiskRole role) {
        return new ResizeContext(v, s, role, false);
    }

    private static ResizeContext inUse(String serverStatus) {
        return ctx(volume("in-use", 100), server(serverStatus), DiskRole.DATA);
    }

    private static void assertRefused(ResizeDecision d, Rule rule, String... mentions) {
        assertAll(() -> assertFalse(d.allowed(), "expected refusal by " + rule),
                () -> assertEquals(rule, d.failedRule(), () -> "reason: " + d.reason()));
        for (String m : mentions) {
            assertTrue(d.reason().contains(m), () -> "\"" + d.reason() + "\" should mention \"" + m + "\"");
        }
    }

    private static void assertAllowed(ResizeDecision d) {
        assertAll(() -> assertTrue(d.allowed(), () -> "refused: " + d.failedRule() + ": " + d.reason()),
                () -> assertNull(d.failedRule()), () -> assertNull(d.reason()));
    }

    // ---- 2. volume status ----

    static Stream<String> volumeStatuses() {
        return VOLUME_STATUSES.stream();
    }

    @ParameterizedTest(name = "volume {0}")
    @MethodSource("volumeStatuses")
    void onlyAvailableAndInUseVolumesCanBeExpanded(String status) {
        ResizeContext c = ctx(volume(status, 100), server("ACTIVE"), DiskRole.DATA);
        for (ResizeDecision d : List.of(policy.check(c, 200), policy.check(c, "200"))) {
            if (status.equals("available") || status.equals("in-use")) {
                assertAllowed(d);
            } else {
                assertRefused(d, Rule.VOLUME_STATUS, "data-01", status, "available or in-use");
                assertFalse(d.reason().contains("unrecognised"), "every documented status has plain words");
            }
        }
    }

    @Test
    void errorExtendingPointsAtTheFailedExpansion() {
        assertRefused(policy.check(ctx(volume("error_extending", 100), server("ACTIVE"), DiskRole.DATA), 200),
                Rule.VOLUME_STATUS, "data-01", "previous expansion", "failed", "support");
    }

    @Test
    void backingUpIsSaidInPlainWords() {
        assertRefused(policy.check(ctx(volume("backing-up", 100), null, DiskRole.DATA), 200),
                Rule.VOLUME_STATUS, "data-01", "being backed up", "(backing-up)");
    }

    @ParameterizedTest(name = "raw status \"{0}\"")
    @ValueSource(strings = {"retyping", "maintenance", "reserved"})
    void unknownVolumeStatusIsQuotedRaw(String status) {
        assertRefused(policy.check(ctx(volume(status, 100), null, DiskRole.DATA), 200),
                Rule.VOLUME_STATUS, "data-01", "\"" + status + "\"");
    }

    @Test
    void missingVolumeStatusIsRefused() {
        assertRefused(policy.check(ctx(volume(null, 100), null, DiskRole.DATA), 200), Rule.VOLUME_STATUS, "data-01");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"IN-USE", " in-use ", "Available"})
    void volumeStatusCaseAndSpacesAreTolerated(String status) {
        assertAllowed(policy.check(ctx(volume(status, 100), server("ACTIVE"), DiskRole.DATA), 200));
    }

    @Test
    void unnamedVolumeIsNamedByItsId() {
        Volume v = volume("", "error", 100, false, false, null);
        assertRefused(policy.check(ctx(v, null, DiskRole.DATA), 200), Rule.VOLUME_STATUS, Fixtures.VOLUME_ID);
    }

    // ---- 4./5. server status ----

    static Stream<Arguments> serverStatuses() {
        return Stream.concat(SERVER_OK.stream().map(s -> arguments(s, true)),
                SERVER_BAD.stream().map(s -> arguments(s, false)));
    }

    @ParameterizedTest(name = "in-use on a {0} server → allowed={1}")
    @MethodSource("serverStatuses")
    void inUseNeedsAnOnlineResizeServerStatus(String serverStatus, boolean allowed) {
        ResizeContext c = inUse(serverStatus);
        for (ResizeDecision d : List.of(policy.check(c, 200), policy.check(c, "200"))) {
            if (allowed) {
                assertAllowed(d);
            } else {
                assertRefused(d, Rule.SERVER_STATUS, "web-01", "is " + serverStatus + ";", "data-01",
                        "ACTIVE, PAUSED, SUSPENDED or SHUTOFF");
            }
        }
    }

    @ParameterizedTest(name = "available, server {0} → allowed")
    @MethodSource("serverStatuses")
    void serverStatusIsIrrelevantForAvailableVolumes(String serverStatus, boolean ignored) {
        assertAllowed(policy.check(ctx(volume("available", 100), server(serverStatus), DiskRole.DATA), 200));
    }

    @Test
    void availableVolumeNeedsNoServer() {
        assertAllowed(policy.check(ctx(volume("available", 100), null, DiskRole.DATA), "200"));
    }

    @Test
    void serverStatusCaseIsTolerated() {
        assertAllowed(policy.check(inUse("active"), 200));
    }

    static Stream<Arguments> unreadableServers() {
        return Stream.of(arguments("no server", null, Fixtures.SERVER_ID),
                arguments("null status", server((String) null), "web-01"),
                arguments("blank status", server(" "), "web-01"),
                arguments("unnamed, null status", new ServerInfo("srv-9", null, null, null, null), "srv-9"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableServers")
    void inUseWithUnreadableServerIsRefused(String label, ServerInfo server, String serverNamed) {
        assertRefused(policy.check(ctx(volume("in-use", 100), server, DiskRole.DATA), 200), Rule.SERVER_UNKNOWN,
                serverNamed, "data-01", "refresh");
    }

    // ---- 3. multiattach ----

    @Test
    void sharedDiskInUseIsRefused() {
        Volume shared = volume("data-01", "in-use", 100, false, true, "/dev/vdb");
        assertRefused(policy.check(ctx(shared, server("ACTIVE"), DiskRole.DATA), 200), Rule.MULTIATTACH_IN_USE,
                "data-01", "shared", "available", "detach");
    }

    @Test
    void sharedDiskAvailableIsAllowed() {
        Volume shared = volume("data-01", "available", 100, false, true, null);
        assertAllowed(policy.check(ctx(shared, null, DiskRole.DATA), 200));
    }

    // ---- 1. in flight, and rule order ----

    @Test
    void resizeInFlightIsRefused() {
        ResizeContext c = new ResizeContext(volume("in-use", 100), server("ACTIVE"), DiskRole.DATA, true);
        assertRefused(policy.check(c, 200), Rule.RESIZE_IN_FLIGHT, "data-01", "already in progress");
    }

    static Stream<Arguments> ruleOrder() {
        Volume sharedInUse = volume("data-01", "in-use", 100, false, true, "/dev/vdb");
        return Stream.of(
                arguments("in-flight beats bad size", new ResizeContext(volume("in-use", 100), server("ACTIVE"), DiskRole.DATA, true), "abc", Rule.RESIZE_IN_FLIGHT),
                arguments("in-flight beats status", new ResizeContext(volume("extending", 100), server("ACTIVE"), DiskRole.DATA, true), "200", Rule.RESIZE_IN_FLIGHT),
                arguments("in-flight beats server", new ResizeContext(volume("in-use", 100), server("REBOOT"), DiskRole.DATA, true), "50", Rule.RESIZE_IN_FLIGHT),
                arguments("status beats multiattach", ctx(volume("data-01", "detaching", 100, false, true, "/dev/vdb"), server("ACTIVE"), DiskRole.DATA), "200", Rule.VOLUME_STATUS),
                arguments("status beats empty size", ctx(volume("error", 100), null, DiskRole.DATA), "", Rule.VOLUME_STATUS),
                arguments("multiattach beats server unknown", ctx(sharedInUse, null, DiskRole.DATA), "200", Rule.MULTIATTACH_IN_USE),
                arguments("multiattach beats server status", ctx(sharedInUse, server("REBOOT"), DiskRole.DATA), "200", Rule.MULTIATTACH_IN_USE),
                arguments("server unknown beats bad size", ctx(volume("in-use", 100), null, DiskRole.UNKNOWN), "100.5", Rule.SERVER_UNKNOWN),
                arguments("server status beats shrink", inUse("MIGRATING"), "50", Rule.SERVER_STATUS),
                arguments("server status beats over limit", inUse("RESIZE"), "40000", Rule.SERVER_STATUS),
                arguments("server status beats empty size", inUse("BUILD"), "", Rule.SERVER_STATUS),
                arguments("parse error before size", inUse("ACTIVE"), "-5", Rule.SIZE_NOT_POSITIVE),
                arguments("not larger before limit", ctx(volume("in-use", 2000), server("ACTIVE"), DiskRole.SYSTEM), "1500", Rule.SIZE_NOT_LARGER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleOrder")
    void rulesAreCheckedInOrder(String label, ResizeContext c, String text, Rule expected) {
        assertRefused(policy.check(c, text), expected);
    }

    @Test
    void parsedSizeIsReportedEvenWhenAVolumeRuleFails() {
        ResizeContext c = new ResizeContext(volume("in-use", 100), server("ACTIVE"), DiskRole.DATA, true);
        assertEquals(200, policy.check(c, "200 GB").newSizeGb());
        assertEquals(-1, policy.check(c, "abc").newSizeGb());
    }

    // ---- 6. size ----

    @ParameterizedTest(name = "{0} disk of {1} GB → {2} GB: {3}")
    @CsvSource(nullValues = "ALLOWED", value = {
            // role,  current, new,   expected rule
            "DATA,    100,     99,    SIZE_NOT_LARGER",
            "DATA,    100,     100,   SIZE_NOT_LARGER",
            "DATA,    100,     101,   ALLOWED",
            "DATA,    100,     1025,  ALLOWED",
            "DATA,    100,     32767, ALLOWED",
            "DATA,    100,     32768, ALLOWED",
            "DATA,    100,     32769, SIZE_OVER_DATA_LIMIT",
            "DATA,    100,     1000000, SIZE_OVER_DATA_LIMIT",
            "DATA,    32767,   32768, ALLOWED",
            "DATA,    32768,   32768, SIZE_NOT_LARGER",
            "DATA,    32768,   32769, SIZE_OVER_DATA_LIMIT",
            "SYSTEM,  40,      39,    SIZE_NOT_LARGER",
            "SYSTEM,  40,      40,    SIZE_NOT_LARGER",
            "SYSTEM,  40,      41,    ALLOWED",
            "SYSTEM,  40,      1023,  ALLOWED",
            "SYSTEM,  40,      1024,  ALLOWED",
            "SYSTEM,  40,      1025,  SIZE_OVER_SYSTEM_LIMIT",
            "SYSTEM,  40,      32768, SIZE_OVER_SYSTEM_LIMIT",
            "SYSTEM,  1023,    1024,  ALLOWED",
            "SYSTEM,  1024,    1024,  SIZE_NOT_LARGER",
            "SYSTEM,  1024,    1025,  SIZE_OVER_SYSTEM_LIMIT",
            "UNKNOWN, 40,      41,    ALLOWED",
            "UNKNOWN, 40,      1024,  ALLOWED",
            "UNKNOWN, 40,      1025,  SIZE_OVER_SYSTEM_LIMIT",
            "UNKNOWN, 1024,    1025,  SIZE_OVER_SYSTEM_LIMIT",
            "DATA,    100,     0,     SIZE_NOT_POSITIVE",
            "DATA,    100,     -5,    SIZE_NOT_POSITIVE"})
    void sizeBoundaries(DiskRole role, long current, long newSize, Rule expected) {
        ResizeContext c = ctx(volume("available", current), null, role);
        for (ResizeDecision d : List.of(policy.check(c, newSize), policy.check(c, Long.toString(newSize)),
                policy.check(c, newSize + " GB"))) {
            if (expected == null) {
                assertAllowed(d);
                assertEquals(newSize, d.newSizeGb());
            } else {
                assertRefused(d, expected);
            }
        }
    }

    @ParameterizedTest(name = "{0} GB on a 100 GB disk")
    @ValueSource(longs = {99, 100})
    void notLargerMentionsTheCurrentSizeAndShrinking(long newSize) {
        ResizeDecision d = policy.check(ctx(volume("available", 100), null, DiskRole.DATA), newSize);
        assertRefused(d, Rule.SIZE_NOT_LARGER, "data-01", newSize + " GB", "100 GB", "cannot be shrunk");
        assertEquals(newSize, d.newSizeGb());
        assertFalse(d.reason().contains("already at the maximum"));
    }

    static Stream<Arguments> overLimit() {
        return Stream.of(
                arguments(DiskRole.SYSTEM, 40L, 1025L, Rule.SIZE_OVER_SYSTEM_LIMIT, new String[] {"data-01", "1025 GB", "at most 1024 GB for a system disk"}),
                arguments(DiskRole.DATA, 100L, 32769L, Rule.SIZE_OVER_DATA_LIMIT, new String[] {"data-01", "32769 GB", "at most 32768 GB for a data disk"}),
                arguments(DiskRole.UNKNOWN, 40L, 1025L, Rule.SIZE_OVER_SYSTEM_LIMIT, new String[] {"data-01", "1025 GB", "1024 GB", "unknown"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overLimit")
    void overLimitNamesTheLimitAndRole(DiskRole role, long current, long newSize, Rule rule, String[] mentions) {
        ResizeDecision d = policy.check(ctx(volume("available", current), null, role), newSize);
        assertRefused(d, rule, mentions);
        assertFalse(d.reason().contains("already at the maximum"));
    }

    @ParameterizedTest(name = "{0} disk of {1} GB, asked {2} GB")
    @CsvSource({"SYSTEM, 1024, 1024, SIZE_NOT_LARGER", "SYSTEM, 1024, 1025, SIZE_OVER_SYSTEM_LIMIT",
                "SYSTEM, 1100, 1200, SIZE_OVER_SYSTEM_LIMIT", "UNKNOWN, 1024, 2048, SIZE_OVER_SYSTEM_LIMIT",
                "DATA, 32768, 32768, SIZE_NOT_LARGER", "DATA, 32768, 40000, SIZE_OVER_DATA_LIMIT"})
    void diskAtTheLimitSaysAlreadyAtTheMaximum(DiskRole role, long current, long newSize, Rule rule) {
        assertRefused(policy.check(ctx(volume("available", current), null, role), newSize), rule,
                "already at the maximum", current + " GB");
    }

    static Stream<Arguments> parseErrors() {
        return Stream.of(
                arguments(DiskRole.DATA, "", Rule.SIZE_MISSING),
                arguments(DiskRole.DATA, "   ", Rule.SIZE_MISSING),
                arguments(DiskRole.DATA, null, Rule.SIZE_MISSING),
                arguments(DiskRole.DATA, "abc", Rule.SIZE_NOT_A_NUMBER),
                arguments(DiskRole.DATA, "1,024", Rule.SIZE_NOT_A_NUMBER),
                arguments(DiskRole.DATA, "100.5", Rule.SIZE_DECIMAL),
                arguments(DiskRole.DATA, "100,5", Rule.SIZE_DECIMAL),
                arguments(DiskRole.DATA, "-5", Rule.SIZE_NOT_POSITIVE),
                arguments(DiskRole.DATA, "0", Rule.SIZE_NOT_POSITIVE),
                arguments(DiskRole.DATA, "99999999999999999999", Rule.SIZE_OVER_DATA_LIMIT),
                arguments(DiskRole.SYSTEM, "99999999999999999999", Rule.SIZE_OVER_SYSTEM_LIMIT),
                arguments(DiskRole.UNKNOWN, "99999999999999999999", Rule.SIZE_OVER_SYSTEM_LIMIT));
    }

    @ParameterizedTest(name = "{0}: \"{1}\" → {2}")
    @MethodSource("parseErrors")
    void parseErrorsMapToSizeRules(DiskRole role, String text, Rule rule) {
        ResizeDecision d = policy.check(ctx(volume("available", 100), null, role), text);
        assertRefused(d, rule);
        assertEquals(-1, d.newSizeGb());
        assertEquals(NewSizeParser.parse(text).error(), rule.name().startsWith("SIZE_OVER")
                ? d.reason().substring(0, NewSizeParser.parse(text).error().length()) : d.reason());
    }

    @Test
    void farAboveAnyDiskNamesThisDisksLimit() {
        assertRefused(policy.check(ctx(volume("available", 100), null, DiskRole.SYSTEM), "99999999999999999999"),
                Rule.SIZE_OVER_SYSTEM_LIMIT, "far above", "data-01", "1024 GB for a system disk");
        assertRefused(policy.check(ctx(volume("available", 100), null, DiskRole.UNKNOWN), "5000000"),
                Rule.SIZE_OVER_SYSTEM_LIMIT, "far above", "1024 GB", "unknown");
    }

    // ---- limits and constants ----

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"SYSTEM, 1024", "DATA, 32768", "UNKNOWN, 1024"})
    void maxSizeByRole(DiskRole role, long max) {
        assertEquals(max, policy.maxSizeGb(role));
    }

    @Test
    void publishedConstants() {
        assertEquals(1024, ResizePolicy.SYSTEM_DISK_MAX_GB);
        assertEquals(32768, ResizePolicy.DATA_DISK_MAX_GB);
        assertEquals(Set.of("available", "in-use"), ResizePolicy.RESIZABLE_STATUSES);
        assertEquals(Set.copyOf(SERVER_OK), ResizePolicy.ONLINE_RESIZE_SERVER_STATUSES);
        assertThrows(UnsupportedOperationException.class, () -> ResizePolicy.RESIZABLE_STATUSES.add("error"));
        assertThrows(UnsupportedOperationException.class, () -> ResizePolicy.ONLINE_RESIZE_SERVER_STATUSES.add("BUILD"));
    }

    @ParameterizedTest
    @EnumSource(DiskRole.class)
    void everyRoleHasALimit(DiskRole role) {
        assertTrue(policy.maxSizeGb(role) >= ResizePolicy.SYSTEM_DISK_MAX_GB);
    }

    @Test
    void decisionKeepsItsInvariants() {
        assertThrows(IllegalArgumentException.class, () -> new ResizeDecision(true, Rule.SIZE_MISSING, null, -1));
        assertThrows(IllegalArgumentException.class, () -> new ResizeDecision(true, null, "why", -1));
        assertThrows(IllegalArgumentException.class, () -> new ResizeDecision(false, null, null, -1));
        assertThrows(IllegalArgumentException.class, () -> new ResizeDecision(false, Rule.SIZE_MISSING, null, -1));
        assertThrows(NullPointerException.class, () -> new ResizeContext(null, null, DiskRole.DATA, false));
    }

    /** Whether Check again is worth offering: states that pass on their own, and an unread server. */
    @ParameterizedTest(name = "volume {0}, server {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
        "in-use, REBOOT, true", "in-use, HARD_REBOOT, true", "in-use, RESIZE, true", "in-use, VERIFY_RESIZE, true",
        "in-use, MIGRATING, true", "in-use, ERROR, false", "in-use, SHELVED, false", "in-use, DELETED, false",
        "in-use, ACTIVE, false", "in-use, -, true",
        "extending, -, true", "attaching, -, true", "detaching, -, true", "backing-up, -, true",
        "error, -, false", "error_extending, -, false", "deleting, -, false", "available, -, false"})
    void checkAgainIsWorthItOnlyForPassingStates(String volumeStatus, String serverStatus, boolean expected) {
        ResizeContext c = ctx(volume(volumeStatus, 100), serverStatus == null ? null : server(serverStatus),
                DiskRole.DATA);
        ResizeDecision d = policy.check(c, 200);
        assertEquals(expected, policy.worthCheckingAgain(c, d), () -> d.failedRule() + ": " + d.reason());
    }

    @Test
    void aSharedInUseDiskIsRefusedNamingItsServersWhenKnown() {
        Volume shared = Fixtures.volume("shared-01", "in-use", 1000, false, true, "/dev/vdc");
        assertRefused(policy.check(new ResizeContext(shared, server("ACTIVE"), DiskRole.DATA, false,
                List.of("web-01", "web-02")), 2000), Rule.MULTIATTACH_IN_USE, "in-use on web-01, web-02",
                "detach it from these servers");
        assertRefused(policy.check(ctx(shared, server("ACTIVE"), DiskRole.DATA), 2000), Rule.MULTIATTACH_IN_USE,
                "detach it from all servers");
    }
}
