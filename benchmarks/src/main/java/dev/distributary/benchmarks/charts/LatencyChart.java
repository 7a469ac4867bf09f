package dev.distributary.benchmarks.charts;

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
 * Write-to-queue latency per write rate: the p50 and p99 of deliveries in the writing region and in
 * the other regions, as bars labelled with their milliseconds. The categories count writes, as the
 * report's table does.
 */
public final class LatencyChart {
    static final List<String> SERIES =
            List.of("local delivery p50", "local delivery p99", "replicated delivery p50", "replicated delivery p99");

    /**
     * One write rate's figures.
     *
     * @param writesPerSecond the rate over all regions
     * @param written         writes made at that rate
     */
    public record Rate(
            double writesPerSecond,
            long written,
            long localP50,
            long localP99,
            long replicatedP50,
            long replicatedP99) {}

    private LatencyChart() {}

    public static Path write(String title, List<Rate> rates, Path file) throws IOException {
        return Png.write(chart(title, rates), 520, file);
    }

    static JFreeChart chart(String title, List<Rate> rates) {
        JFreeChart chart = ChartFactory.createBarChart(
                title,
                null,
                "write-to-queue latency (ms)",
                dataset(rates),
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        Png.bars(
                chart.getCategoryPlot(),
                new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("#,##0")),
                Palette.SKY_BLUE,
                Palette.BLUE,
                Palette.ORANGE,
                Palette.VERMILLION);
        return Png.plain(chart);
    }

    static DefaultCategoryDataset dataset(List<Rate> rates) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Rate rate : rates) {
            String category = String.format("%.0f writes/s (%d written)", rate.writesPerSecond(), rate.written());
            long[] values = {rate.localP50(), rate.localP99(), rate.replicatedP50(), rate.replicatedP99()};
            for (int i = 0; i < values.length; i++) {
                data.addValue((double) values[i], SERIES.get(i), category);
            }
        }
        return data;
    }
}
