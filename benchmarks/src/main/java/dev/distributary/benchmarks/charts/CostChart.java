package dev.distributary.benchmarks.charts;

import dev.distributary.cost.CostEstimate;
import dev.distributary.cost.Design;
import dev.distributary.cost.DesignCost;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Dollars per million events per component of the bill, Distributary beside the naive design and
 * EventBridge Pipes (where the platform can use pipes), each bar labelled with its value; the total
 * below on an axis of its own, so that it does not squeeze the components.
 */
public final class CostChart {
    public static final String DISTRIBUTARY = "Distributary";
    public static final String NAIVE = "naive design";
    public static final String PIPES = "EventBridge Pipes";
    private static final Map<Design, String> SERIES =
            Map.of(Design.DISTRIBUTARY, DISTRIBUTARY, Design.NAIVE, NAIVE, Design.PIPES, PIPES);
    private static final Map<Design, Color> COLOURS =
            Map.of(Design.DISTRIBUTARY, Palette.BLUE, Design.NAIVE, Palette.ORANGE, Design.PIPES, Palette.BLUISH_GREEN);
    private static final StandardCategoryItemLabelGenerator DOLLARS =
            new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("$0.000"));

    private CostChart() {}

    /** {@code note}, when not blank, is printed under the title: what a reader of the chart alone must know. */
    public static Path write(String title, String note, CostEstimate estimate, Path file) throws IOException {
        return Png.stack(charts(title, note, estimate), new int[] {780, 190}, file);
    }

    /** The components' chart, then the total's. */
    static List<JFreeChart> charts(String title, String note, CostEstimate estimate) {
        Color[] colours =
                estimate.priced().stream().map(d -> COLOURS.get(d.design())).toArray(Color[]::new);
        JFreeChart components = chart(title, "USD per million events", components(estimate), true, colours);
        if (note != null && !note.isBlank()) {
            components.addSubtitle(new TextTitle(note, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        }
        JFreeChart total = chart(null, "total USD per million events, all components", total(estimate), false, colours);
        return List.of(components, total);
    }

    /** The components, in bill order, every priced design. */
    static DefaultCategoryDataset components(CostEstimate estimate) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (CostEstimate.Row row : estimate.comparison()) {
            for (DesignCost design : estimate.priced()) {
                data.addValue(
                        row.of(design.design()).orElseThrow().usdPerMillion(),
                        SERIES.get(design.design()),
                        row.component().label());
            }
        }
        return data;
    }

    /** The sum of the components, every priced design. */
    static DefaultCategoryDataset total(CostEstimate estimate) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (DesignCost design : estimate.priced()) {
            data.addValue(design.usdPerMillion(), SERIES.get(design.design()), "total");
        }
        return data;
    }

    private static JFreeChart chart(
            String title, String axis, DefaultCategoryDataset data, boolean legend, Color... colours) {
        JFreeChart chart =
                ChartFactory.createBarChart(title, null, axis, data, PlotOrientation.HORIZONTAL, legend, false, false);
        Png.bars(chart.getCategoryPlot(), DOLLARS, colours);
        return Png.plain(chart);
    }
}
