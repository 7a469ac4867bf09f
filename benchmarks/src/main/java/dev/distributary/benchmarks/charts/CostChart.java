package dev.distributary.benchmarks.charts;

import dev.distributary.cli.cost.CostEstimate;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** Dollars per million events per component of the bill, Distributary beside the naive design. */
public final class CostChart {
    private CostChart() {
    }

    public static Path write(String title, CostEstimate estimate, Path file) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (CostEstimate.Row row : estimate.comparison()) {
            data.addValue(row.distributary().usdPerMillion(), "Distributary", row.component().label());
            data.addValue(row.naive().usdPerMillion(), "naive design", row.component().label());
        }
        data.addValue(estimate.distributary().usdPerMillion(), "Distributary", "total");
        data.addValue(estimate.naive().usdPerMillion(), "naive design", "total");
        JFreeChart chart = ChartFactory.createBarChart(title, null, "USD per million events", data, PlotOrientation.HORIZONTAL, true, false,
                false);
        return Png.write(Png.plain(chart), file);
    }
}
