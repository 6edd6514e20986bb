package io.expanse.ui.resize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.expanse.cloud.huawei.ServerInfo;
import io.expanse.cloud.huawei.Volume;
import io.expanse.domain.usage.MountMapping.Ambiguity;
import io.expanse.domain.usage.TrendRules;
import io.expanse.domain.usage.TrendRules.DailyMax;
import io.expanse.ui.fakes.FakeEvs;
import io.expanse.ui.volumes.RowUsage;
import io.expanse.work.usage.MountUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The resize dialog's usage section: the suggestion, the one click that takes it, and what it says otherwise. */
class UsagePaneViewModelTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private final AtomicReference<String> sizeField = new AtomicReference<>("");

    private static MountUsage usage(String volumeId, Ambiguity ambiguity, double... daily) {
        List<DailyMax> days = new ArrayList<>();
        for (int i = 0; i < daily.length; i++) {
            days.add(new DailyMax(NOW.minus(Duration.ofDays(daily.length - 1L - i)), daily[i]));
        }
        double now = daily[daily.length - 1];
        return new MountUsage("srv-1", "/data", ambiguity == null ? volumeId : null, ambiguity, List.of(volumeId),
                now, 98.0, 98 * now / 100, days, TrendRules.DEFAULT.estimate(days), null, now >= 85, null);
    }

    private UsagePaneViewModel model(Volume v, RowUsage u) {
        return new UsagePaneViewModel(v, new ServerInfo("srv-1", "web", "ACTIVE", "/dev/vda", List.of()), u, 85,
                sizeField::set);
    }

    @Test
    void aFillingDiskGetsTheSizeThatBringsItsPeakTo70PercentAndOneClickTakesIt() {
        Volume v = FakeEvs.volume("v1", "data-01", "in-use", 100, "srv-1");
        UsagePaneViewModel vm = model(v, RowUsage.mapped(usage("v1", null, 90, 91, 92, 93, 94, 95, 96)));

        assertTrue(vm.shownProperty().get());
        assertTrue(vm.hasFigureProperty().get());
        assertEquals(140L, vm.suggestedGbProperty().get());
        assertEquals("Suggested size 140 GB: brings the 7-day peak to 70 % used and leaves 44 GB free."
                + " At this pace that lasts about 44 days.", vm.suggestionTextProperty().get());
        assertEquals("Full in about 4 days at this pace (+1.0 points a day).", vm.trendTextProperty().get());
        assertEquals("96 % used: 94.1 of 98 GB (/data)", vm.usedTextProperty().get());
        assertEquals(7, vm.lastWeek().size());

        vm.useSuggestion();
        assertEquals("140", sizeField.get());
    }

    @Test
    void aDiskWithRoomGetsNoSuggestionAndTheFieldIsLeftAlone() {
        Volume v = FakeEvs.volume("v1", "data-01", "in-use", 100, "srv-1");
        UsagePaneViewModel vm = model(v, RowUsage.mapped(usage("v1", null, 40, 40, 40, 40, 40, 40, 40)));

        assertNull(vm.suggestedGbProperty().get());
        assertEquals("No expansion needed: the 7-day peak stays under 70 % used.", vm.suggestionTextProperty().get());
        assertEquals("No date when it will be full: use is not rising.", vm.trendTextProperty().get());
        vm.useSuggestion();
        assertEquals("", sizeField.get());
    }

    @Test
    void theSuggestionIsCappedByTheLimitOfTheRole() {
        Volume v = FakeEvs.volume("v1", "data-big", "in-use", 30000, "srv-1");
        UsagePaneViewModel vm = model(v, RowUsage.mapped(usage("v1", null, 90, 91, 92, 93, 94, 95, 96)));

        assertEquals(32768L, vm.suggestedGbProperty().get());
        assertTrue(vm.suggestionTextProperty().get().contains("Capped at the 32768 GB limit"),
                vm.suggestionTextProperty().get());
    }

    @Test
    void aFileSystemOverSeveralDisksIsShownWithTheReasonButNoSize() {
        Volume v = FakeEvs.volume("v1", "pg-data", "in-use", 200, "srv-1");
        UsagePaneViewModel vm = model(v, RowUsage.perServer(usage("v1", Ambiguity.LVM, 90, 91, 92, 93)));

        assertTrue(vm.hasFigureProperty().get());
        assertNull(vm.suggestedGbProperty().get());
        assertTrue(vm.noteProperty().get().contains("LVM"), vm.noteProperty().get());
        assertEquals("", vm.suggestionTextProperty().get());
    }

    @Test
    void noAgentShowsTheHintAndNoChart() {
        Volume v = FakeEvs.volume("v1", "batch", "in-use", 50, "srv-1");
        UsagePaneViewModel vm = model(v, RowUsage.without(RowUsage.Kind.NO_AGENT, "no mount point"));
        assertTrue(vm.shownProperty().get());
        assertFalse(vm.hasFigureProperty().get());
        assertTrue(vm.noteProperty().get().contains("Install the Cloud Eye agent"), vm.noteProperty().get());

        UsagePaneViewModel none = model(v, null);
        assertFalse(none.shownProperty().get(), "nothing read: the section stays hidden");
    }
}
