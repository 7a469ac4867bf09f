package dev.distributary.benchmarks.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The distribution of write-to-queue latencies, one cumulative curve per series (a write rate, say). */
public final class LatencyChart {
    private LatencyChart() {
    }

    /**
     * @param series latencies in milliseconds per series name, in legend order
     */
    public static Path write(String title, Map<String, List<Long>> series, Path file) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, latencies) -> {
            List<Long> sorted = latencies.stream().sorted().toList();
            XYSeries curve = new XYSeries(name + " (" + sorted.size() + " deliveries)", false);
            for (int i = 0; i < sorted.size(); i++) {
                curve.add((double) sorted.get(i), 100.0 * (i + 1) / sorted.size());
            }
            data.addSeries(curve);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, "write-to-queue latency (ms)", "deliveries at or below (%)", data,
                PlotOrientation.VERTICAL, true, false, false);
        chart.getXYPlot().getRangeAxis().setRange(0, 100);
        return Png.write(Png.plain(chart), file);
    }
}
