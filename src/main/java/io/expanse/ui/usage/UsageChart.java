package io.expanse.ui.usage;

import io.expanse.domain.usage.TrendRules;
import io.expanse.domain.usage.TrendRules.DailyMax;
import io.expanse.domain.usage.TrendRules.Trend;
import io.expanse.text.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A small chart of a disk's last seven days: the daily maximum in percent, the trend line extended to 100 % (or to
 * the chart's right edge, at most {@link #HORIZON_DAYS} days ahead), and the attention threshold as a dashed line.
 *
 * <p>Drawn on one {@link Canvas}, once per change of data or size, rather than with a {@code LineChart}: eight
 * points, two lines and a few labels need no axes, legend, animation or per-point nodes, and the same drawing is
 * used in the details pane and the resize dialog. The colours still come from the theme: hidden regions styled in
 * {@code app.css} ({@code .usage-chart-history} …) carry them as their background, so the light and dark themes
 * each get theirs, and a theme switch redraws.
 */
public final class UsageChart extends Region {

    /** How far to the right of today the trend is drawn at most. */
    public static final int HORIZON_DAYS = 30;
    static final double PAD_LEFT = 34;
    static final double PAD_RIGHT = 8;
    static final double PAD_TOP = 8;
    static final double PAD_BOTTOM = 18;

    private final Canvas canvas = new Canvas();
    private final Region historyColour = colour("usage-chart-history");
    private final Region trendColour = colour("usage-chart-trend");
    private final Region thresholdColour = colour("usage-chart-threshold");
    private final Region gridColour = colour("usage-chart-grid");
    private final Region textColour = colour("usage-chart-text");
    private List<DailyMax> days = List.of();
    private Trend trend;
    private double threshold = 85;

    public UsageChart() {
        getStyleClass().add("usage-chart");
        getChildren().addAll(canvas, historyColour, trendColour, thresholdColour, gridColour, textColour);
        setPrefSize(340, 130);
        setMinSize(200, 90);
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        for (Region r : List.of(historyColour, trendColour, thresholdColour, gridColour, textColour)) {
            r.backgroundProperty().addListener((o, a, b) -> draw());
        }
    }

    private Region colour(String styleClass) {
        Region r = new Region();
        r.getStyleClass().add(styleClass);
        r.setManaged(false);
        r.setVisible(false);
        return r;
    }

    /** Shows a disk's daily maxima (oldest first), their trend (or null) and the threshold; empty clears it. */
    public void show(List<DailyMax> lastWeek, Trend trend, double thresholdPercent) {
        this.days = List.copyOf(lastWeek);
        this.trend = trend;
        this.threshold = thresholdPercent;
        setAccessibleText(describe());
        draw();
    }

    /** The chart in words, for screen readers. */
    String describe() {
        if (days.isEmpty()) {
            return Texts.get("usage.chart.a11y.empty");
        }
        double min = days.stream().mapToDouble(DailyMax::percent).min().orElse(0);
        double max = days.stream().mapToDouble(DailyMax::percent).max().orElse(0);
        return Texts.get("usage.chart.a11y", Math.round(min), Math.round(max), Math.round(threshold));
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 340;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 130;
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < 40 || h < 40) {
            return;
        }
        double plotW = w - PAD_LEFT - PAD_RIGHT;
        double plotH = h - PAD_TOP - PAD_BOTTOM;
        Paint grid = paint(gridColour, Color.gray(0.75));
        Paint text = paint(textColour, Color.gray(0.4));
        g.setFont(Font.font(10));
        g.setLineWidth(1);
        g.setLineDashes();
        // Percent scale: 0, 50 and 100 %.
        g.setFill(text);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int p : new int[] {0, 50, 100}) {
            double y = PAD_TOP + plotH * (1 - p / 100.0);
            g.setStroke(grid);
            g.strokeLine(PAD_LEFT, snap(y), PAD_LEFT + plotW, snap(y));
            g.fillText(Texts.get("usage.percent", p), PAD_LEFT - 4, y);
        }
        if (days.isEmpty()) {
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(Texts.get("usage.chart.noData"), PAD_LEFT + plotW / 2, PAD_TOP + plotH / 2);
            return;
        }
        Instant first = days.get(0).day();
        Instant last = days.get(days.size() - 1).day();
        double lastX = dayOf(first, last);
        double horizon = lastX + 1;
        Line fit = fit();
        if (fit != null) {
            double full = (100 - fit.intercept) / fit.slope;
            horizon = Math.max(horizon, Math.min(full, lastX + HORIZON_DAYS));
        }
        double span = Math.max(horizon, 1);
        java.util.function.DoubleUnaryOperator x = d -> PAD_LEFT + plotW * d / span;
        java.util.function.DoubleUnaryOperator y = p -> PAD_TOP + plotH * (1 - Math.max(0, Math.min(100, p)) / 100);

        // Today, and the day labels at both ends.
        g.setStroke(grid);
        g.setLineDashes(2, 3);
        g.strokeLine(snap(x.applyAsDouble(lastX)), PAD_TOP, snap(x.applyAsDouble(lastX)), PAD_TOP + plotH);
        g.setLineDashes();
        g.setFill(text);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        // "N days ago" at the left edge only where it leaves room for "today" (a long trend squeezes the week).
        String ago = Texts.get("usage.chart.daysAgo", Math.round(lastX));
        String today = Texts.get("usage.chart.today");
        boolean ahead = x.applyAsDouble(horizon) - x.applyAsDouble(lastX) >= 80;
        double todayLeft = ahead ? x.applyAsDouble(lastX) - textWidth(g, today) / 2
                : x.applyAsDouble(lastX) - textWidth(g, today);
        if (PAD_LEFT + textWidth(g, ago) + 6 <= todayLeft) {
            g.fillText(ago, PAD_LEFT, PAD_TOP + plotH + 3);
        }
        // "+N days" at the right edge only where it leaves room for "today".
        g.setTextAlign(ahead ? TextAlignment.CENTER : TextAlignment.RIGHT);
        g.fillText(today, x.applyAsDouble(lastX), PAD_TOP + plotH + 3);
        if (ahead) {
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(Texts.get("usage.chart.daysAhead", (long) Math.ceil(horizon - lastX - 1e-9)),
                    PAD_LEFT + plotW, PAD_TOP + plotH + 3);
        }

        // The threshold.
        g.setStroke(paint(thresholdColour, Color.CRIMSON));
        g.setLineWidth(1.2);
        g.setLineDashes(5, 4);
        double ty = snap(y.applyAsDouble(threshold));
        g.strokeLine(PAD_LEFT, ty, PAD_LEFT + plotW, ty);
        // Its label at the right end, below the line, on the chart's background so that the lines do not cross it.
        String label = Texts.get("usage.percent", Math.round(threshold));
        double labelW = 6.5 * label.length() + 4;
        g.setFill(paint(this, Color.WHITE));
        g.fillRect(PAD_LEFT + plotW - labelW - 2, ty + 2, labelW, 12);
        g.setFill(paint(thresholdColour, Color.CRIMSON));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(label, PAD_LEFT + plotW - 4, ty + 2);

        // The trend, from the first day it was fitted on to 100 % (or the edge).
        if (fit != null) {
            double from = fit.fromDay;
            double to = Math.min(horizon, (100 - fit.intercept) / fit.slope);
            g.setStroke(paint(trendColour, Color.GRAY));
            g.setLineWidth(1.5);
            g.setLineDashes(6, 4);
            g.strokeLine(x.applyAsDouble(from), y.applyAsDouble(fit.at(from)), x.applyAsDouble(to),
                    y.applyAsDouble(fit.at(to)));
        }

        // The daily maxima.
        Paint history = paint(historyColour, Color.STEELBLUE);
        g.setLineDashes();
        g.setStroke(history);
        g.setFill(history);
        g.setLineWidth(2);
        g.beginPath();
        for (int i = 0; i < days.size(); i++) {
            double px = x.applyAsDouble(dayOf(first, days.get(i).day()));
            double py = y.applyAsDouble(days.get(i).percent());
            if (i == 0) {
                g.moveTo(px, py);
            } else {
                g.lineTo(px, py);
            }
        }
        g.stroke();
        for (DailyMax d : days) {
            double px = x.applyAsDouble(dayOf(first, d.day()));
            double py = y.applyAsDouble(d.percent());
            g.fillOval(px - 2.5, py - 2.5, 5, 5);
        }
    }

    /** The fitted line (day → percent, days from the first point), or null unless the trend rises. */
    Line fit() {
        if (trend == null || trend.outcome() != TrendRules.Outcome.RISING || trend.pointsUsed() < 2
                || days.size() < trend.pointsUsed()) {
            return null;
        }
        Instant first = days.get(0).day();
        List<DailyMax> used = days.subList(days.size() - trend.pointsUsed(), days.size());
        double sx = 0;
        double sy = 0;
        for (DailyMax d : used) {
            sx += dayOf(first, d.day());
            sy += d.percent();
        }
        double mx = sx / used.size();
        double my = sy / used.size();
        return new Line(trend.slopePerDay(), my - trend.slopePerDay() * mx, dayOf(first, used.get(0).day()));
    }

    record Line(double slope, double intercept, double fromDay) {
        double at(double day) {
            return intercept + slope * day;
        }
    }

    private static double dayOf(Instant first, Instant day) {
        return Duration.between(first, day).toMillis() / 86_400_000.0;
    }

    private static double snap(double v) {
        return Math.floor(v) + 0.5;
    }

    private static Paint paint(Region r, Paint fallback) {
        Background b = r.getBackground();
        return b == null || b.getFills().isEmpty() ? fallback : b.getFills().get(0).getFill();
    }

    /** How wide a text is drawn in the chart's current font. */
    private static double textWidth(javafx.scene.canvas.GraphicsContext g, String text) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(text);
        probe.setFont(g.getFont());
        return probe.getLayoutBounds().getWidth();
    }
}
