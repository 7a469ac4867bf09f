package dev.distributary.cli;

import dev.distributary.cost.CostEstimate;
import dev.distributary.cost.CostJson;
import dev.distributary.cost.CostModel;
import dev.distributary.cost.CostTable;
import dev.distributary.cost.PriceTable;
import dev.distributary.cost.PriceTableException;
import dev.distributary.cost.Workload;
import dev.distributary.topology.Topology;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "cost",
        header = "Estimate the cost against naive code and EventBridge Pipes.",
        description = {
            "Estimate the monthly cost and the cost per million events, per component, of the platform against the naive design "
                    + "(a function per region publishing each record) and EventBridge Pipes (a pipe per region, no function), and say which is cheapest and why.",
            "JSON: {platform, writesPerSecond, itemKb, fanout, envelope, prices, components: [{component, unit, distributary, naive, pipes}], total, "
                    + "verdict, cheapest, versusPipes, notPriced}; see docs/cost-model.md."
        })
final class CostCommand implements Callable<Integer> {
    @Mixin
    PlatformFile platform;

    @Option(
            names = "--writes-per-second",
            paramLabel = "W",
            required = true,
            description = "Application writes per second over the whole platform (> 0 and at most 10000000).")
    double writesPerSecond;

    @Option(
            names = "--item-kb",
            paramLabel = "K",
            defaultValue = "1",
            description = "Item size in KB, > 0 and at most 400 (default: ${DEFAULT-VALUE}).")
    double itemKb;

    @Mixin
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Workload workload;
        try {
            workload = new Workload(writesPerSecond, itemKb);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        Topology topology = platform.load();
        PriceTable prices;
        try {
            prices = PriceTable.load();
        } catch (PriceTableException e) {
            throw new UserException(e.getMessage());
        }
        CostEstimate estimate = new CostModel(prices).estimate(topology, workload);
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            OutputFormat.document(out, CostJson.of(estimate, prices));
        } else {
            out.print(CostTable.format(estimate, topology, prices));
            out.flush();
        }
        return Distributary.OK;
    }
}
