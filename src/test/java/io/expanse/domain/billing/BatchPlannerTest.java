package io.expanse.domain.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import io.expanse.domain.billing.BatchPlanner.BatchPlan;
import io.expanse.domain.resize.DiskRole;
import io.expanse.domain.resize.ResizeContext;
import io.expanse.domain.resize.ResizePolicy;
import io.expanse.domain.resize.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BatchPlannerTest {

    private final BatchPlanner planner = new BatchPlanner(new ResizePolicy());

    @ParameterizedTest(name = "\"{0}\" on {1} GB -> {2} GB")
    @CsvSource({
            "500, 100, 500",
            "to 500 GB, 100, 500",
            "500GB, 100, 500",
            "+100, 100, 200",
            "+ 100 GB, 40, 140",
            "+20%, 100, 120",
            "+10 %, 105, 116",   // 10.5 GB rounds up to 11
            "+1%, 1, 2",          // 0.01 GB rounds up to 1
            "+100%, 32000, 64000",
            "+33%, 3, 4"})        // 0.99 GB rounds up to 1
    void targetsGiveEachDiskAWholeGbSize(String text, long current, long expected) {
        assertEquals(expected, BatchTarget.parse(text).targetFor(current));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "abc", "-5", "+", "20%", "to +5", "0", "+0", "+0%", "1.5", "+2.5%"})
    void malformedTargetsAreRefusedWithASentence(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BatchTarget.parse(text));
        assertTrue(e.getMessage().endsWith("."), e.getMessage());
    }

    @Test
    void describeNamesTheRule() {
        assertEquals("to 500 GB", BatchTarget.parse("500").describe());
        assertEquals("+100 GB", BatchTarget.parse("+100").describe());
        assertEquals("+20 %", BatchTarget.parse("+20%").describe());
    }

    private static Volume volume(String name, String status, long size, boolean multiattach, boolean yearly) {
        String id = "vol-" + name;
        List<Volume.Attachment> attachments = "in-use".equals(status)
                ? List.of(new Volume.Attachment("srv-1", "att-" + name, "/dev/vdb", "h", "2025-01-01T00:00:00.000000"))
                : List.of();
        return new Volume(id, name, status, size, "SSD", "cn-north-4a", false, multiattach, attachments,
                yearly ? Map.of("orderID", "CS2501010000ABCDE") : Map.of(), "0", "2025-01-01T00:00:00.000000",
                "2025-01-01T00:00:00.000000");
    }

    private static ResizeContext data(Volume v) {
        ServerInfo server = v.attachments().isEmpty() ? null
                : new ServerInfo("srv-1", "web-01", "ACTIVE", "/dev/vda", List.of());
        return new ResizeContext(v, server, DiskRole.DATA, false);
    }

    @Test
    void eachDiskIsCheckedByTheResizeRulesAndRefusedOnesKeepTheirReason() {
        List<ResizeContext> disks = List.of(
                data(volume("a", "available", 100, false, false)),
                data(volume("b", "in-use", 300, false, false)),
                data(volume("big", "available", 600, false, false)),       // already above "to 500"
                data(volume("busy", "extending", 100, false, false)),
                data(volume("shared", "in-use", 100, true, false)),
                new ResizeContext(volume("sys", "in-use", 40, false, false),
                        new ServerInfo("srv-1", "web-01", "ACTIVE", "/dev/vda", List.of()), DiskRole.SYSTEM, false),
                new ResizeContext(volume("pending", "available", 100, false, true), null, DiskRole.DATA, true));

        BatchPlan plan = planner.plan(disks, BatchTarget.parse("500"), Map.of());

        assertEquals(List.of("a:500", "b:500", "sys:500"), plan.planned().stream()
                .map(p -> p.volume().name() + ":" + p.targetGb()).toList());
        assertEquals(List.of("big SIZE_NOT_LARGER 500", "busy VOLUME_STATUS 500", "shared MULTIATTACH_IN_USE 500",
                        "pending RESIZE_IN_FLIGHT 500"),
                plan.refused().stream().map(r -> r.volume().name() + " " + r.rule() + " " + r.targetGb()).toList());
        assertTrue(plan.refused().get(0).reason().contains("600 GB"), plan.refused().get(0).reason());
        assertTrue(plan.refused().get(1).reason().contains("already being expanded"), plan.refused().get(1).reason());
        assertEquals(400, plan.planned().get(0).addedGb());
    }

    @Test
    void anOverrideReplacesTheBatchTargetForItsDiskAndIsCheckedToo() {
        List<ResizeContext> disks = List.of(
                data(volume("a", "available", 100, false, false)),
                data(volume("b", "available", 100, false, false)),
                new ResizeContext(volume("sys", "available", 1000, false, false), null, DiskRole.SYSTEM, false));

        BatchPlan plan = planner.plan(disks, BatchTarget.parse("+20%"), Map.of("vol-b", 250L, "vol-sys", 1100L));

        assertEquals(List.of("a:120:false", "b:250:true"), plan.planned().stream()
                .map(p -> p.volume().name() + ":" + p.targetGb() + ":" + p.overridden()).toList());
        assertEquals(1, plan.refused().size());
        assertEquals(Rule.SIZE_OVER_SYSTEM_LIMIT, plan.refused().get(0).rule());
        assertEquals(1100, plan.refused().get(0).targetGb());
        assertTrue(plan.refused().get(0).reason().contains("1024 GB"), plan.refused().get(0).reason());
    }

    @Test
    void batchesSeparateBillingModesAndHoldAtMostSixtyDisks() {
        List<ResizeContext> disks = new ArrayList<>();
        IntStream.range(0, 125).forEach(i -> disks.add(data(volume("od" + i, "available", 10, false, false))));
        IntStream.range(0, 3).forEach(i -> disks.add(data(volume("ym" + i, "available", 10, false, true))));

        List<List<BatchPlanner.Planned>> batches = planner.plan(disks, BatchTarget.parse("+10"), null).batches();

        assertEquals(List.of(60, 60, 5, 3), batches.stream().map(List::size).toList());
        assertTrue(batches.subList(0, 3).stream().flatMap(List::stream).noneMatch(p -> p.volume().yearlyMonthly()));
        assertTrue(batches.get(3).stream().allMatch(p -> p.volume().yearlyMonthly()));
        assertEquals("od60", batches.get(1).get(0).volume().name());
    }
}
