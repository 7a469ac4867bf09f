package dev.distributary.benchmarks.cost;

import dev.distributary.benchmarks.charts.CostChart;
import dev.distributary.cost.CostEstimate;
import dev.distributary.cost.CostModel;
import dev.distributary.cost.PriceTable;
import dev.distributary.cost.Workload;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The cost model's comparison of the three designs for the shipped platform as PNG charts, one per
 * item size, from the same model and price table as {@code distributary cost}. Run from the repository root:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.distributary.benchmarks.cost.CostCharts [OUTPUT_DIR] [WRITES_PER_SECOND]}.
 */
public final class CostCharts {
    private CostCharts() {}

    public static void main(String[] args) throws IOException {
        Path output = Path.of(args.length > 0 ? args[0] : "docs/benchmarks");
        double writesPerSecond = args.length > 1 ? Double.parseDouble(args[1]) : 100;
        Topology topology = TopologyLoader.load(Path.of("platform.yaml"));
        PriceTable prices = PriceTable.load();
        CostModel model = new CostModel(prices);
        String note = String.format(
                "SNS body filtering (pipes only) at $%.2f per GB scanned: a figure no copy of AWS's pricing page confirmed",
                prices.price("sns.standard.payload-filtering-gb").value());
        for (int itemKb : new int[] {1, 40}) {
            CostEstimate estimate = model.estimate(topology, new Workload(writesPerSecond, itemKb));
            Path file = CostChart.write(
                    String.format(
                            "Cost per component, %s at %.0f writes/s, %d KB items",
                            topology.name(), writesPerSecond, itemKb),
                    note,
                    estimate,
                    output.resolve("cost-" + itemKb + "kb.png"));
            System.out.printf(
                    "%2d KB items -> %s%n  %s%n",
                    itemKb, file, estimate.cheapest().sentence());
        }
    }
}
