package dev.distributary.benchmarks.charts;

import dev.distributary.cli.cost.CostEstimate;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Dollars per million events per component of the bill, Distributary beside the naive design, each
 * bar labelled with its value; the total below on an axis of its own, so that it does not squeeze
 * the components.
 */
public final class CostChart {
    public static final String DISTRIBUTARY = "Distributary";
    public static final String NAIVE = "naive design";
    private static final StandardCategoryItemLabelGenerator DOLLARS = new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("$0.000"));

    private CostChart() {
    }

    public static Path write(String title, CostEstimate estimate, Path file) throws IOException {
        return Png.stack(charts(title, estimate), new int[] {500, 170}, file);
    }

    /** The components' chart, then the total's. */
    static List<JFreeChart> charts(String title, CostEstimate estimate) {
        JFreeChart components = chart(title, "USD per million events", components(estimate), true);
        JFreeChart total = chart(null, "total USD per million events, all components", total(estimate), false);
        return List.of(components, total);
    }

    /** The components, in bill order, both designs. */
    static DefaultCategoryDataset components(CostEstimate estimate) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (CostEstimate.Row row : estimate.comparison()) {
            data.addValue(row.distributary().usdPerMillion(), DISTRIBUTARY, row.component().label());
            data.addValue(row.naive().usdPerMillion(), NAIVE, row.component().label());
        }
        return data;
    }

    /** The sum of the components, both designs. */
    static DefaultCategoryDataset total(CostEstimate estimate) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(estimate.distributary().usdPerMillion(), DISTRIBUTARY, "total");
        data.addValue(estimate.naive().usdPerMillion(), NAIVE, "total");
        return data;
    }

    private static JFreeChart chart(String title, String axis, DefaultCategoryDataset data, boolean legend) {
        JFreeChart chart = ChartFactory.createBarChart(title, null, axis, data, PlotOrientation.HORIZONTAL, legend, false, false);
        Png.bars(chart.getCategoryPlot(), DOLLARS, Palette.BLUE, Palette.ORANGE);
        return Png.plain(chart);
    }
}
