package dev.distributary.benchmarks.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Where the emulator's time goes in one demo run: seconds the emulator spent answering each
 * operation, most first, each bar named with its calls (from the demo report's {@code apiServerMs}
 * and {@code apiCalls}). Run from the repository root:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.distributary.benchmarks.charts.ServerTimeChart REPORT.json OUT.png}.
 */
public final class ServerTimeChart {
    private static final int BARS = 12;

    /** One operation's share of the run: its calls and the emulator's milliseconds on them. */
    public record Operation(String service, String name, long calls, long serverMillis) {}

    private ServerTimeChart() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println(
                    "usage: ServerTimeChart DEMO_REPORT.json OUTPUT.png (the report: distributary demo --report FILE)");
            System.exit(2);
        }
        Path report = Path.of(args[0]);
        List<Operation> operations = operations(new ObjectMapper().readTree(report.toFile()));
        if (operations.isEmpty()) {
            System.err.println(
                    "error: " + report + " has no apiServerMs; write it with a current `distributary demo --report`");
            System.exit(2);
        }
        System.out.println(
                "written " + write("Emulator server time per operation, one demo run", operations, Path.of(args[1])));
    }

    /** Every operation of a demo report, most server time first. */
    static List<Operation> operations(JsonNode report) {
        List<Operation> operations = new ArrayList<>();
        report.path("apiServerMs")
                .fields()
                .forEachRemaining(service -> service.getValue()
                        .fields()
                        .forEachRemaining(operation -> operations.add(new Operation(
                                service.getKey(),
                                operation.getKey(),
                                report.path("apiCalls")
                                        .path(service.getKey())
                                        .path(operation.getKey())
                                        .asLong(),
                                operation.getValue().asLong()))));
        operations.sort(Comparator.comparingLong(Operation::serverMillis).reversed());
        return operations;
    }

    public static Path write(String title, List<Operation> operations, Path file) throws IOException {
        return Png.write(chart(title, operations), 120 + 34 * Math.min(BARS, operations.size()), file);
    }

    static JFreeChart chart(String title, List<Operation> operations) {
        JFreeChart chart = ChartFactory.createBarChart(
                title,
                null,
                "seconds the emulator spent answering",
                dataset(operations),
                PlotOrientation.HORIZONTAL,
                false,
                false,
                false);
        Png.bars(
                chart.getCategoryPlot(),
                new StandardCategoryItemLabelGenerator("{2} s", new DecimalFormat("#,##0.0")),
                Palette.BLUE);
        // the operations' names in full, beside their bars
        chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        return Png.plain(chart);
    }

    /** The busiest operations, named with their service and calls. */
    static DefaultCategoryDataset dataset(List<Operation> operations) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Operation operation : operations.subList(0, Math.min(BARS, operations.size()))) {
            data.addValue(
                    operation.serverMillis() / 1000.0,
                    "server time",
                    String.format("%s %s (%,d calls)", operation.service(), operation.name(), operation.calls()));
        }
        return data;
    }
}
