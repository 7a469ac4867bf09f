package dev.distributary.cli;

import dev.distributary.cli.cost.CostEstimate;
import dev.distributary.cli.cost.CostModel;
import dev.distributary.cli.cost.CostTable;
import dev.distributary.cli.cost.PriceTable;
import dev.distributary.cli.cost.PriceTableException;
import dev.distributary.cli.cost.Workload;
import dev.distributary.topology.Topology;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "cost", description = "Estimate the monthly cost and the cost per million events, per component, of the platform against the naive design.")
final class CostCommand implements Callable<Integer> {
    @Mixin
    PlatformFile platform;

    @Option(names = "--writes-per-second", paramLabel = "W", required = true,
            description = "Application writes per second over the whole platform (> 0).")
    double writesPerSecond;

    @Option(names = "--item-kb", paramLabel = "K", defaultValue = "1",
            description = "Item size in KB, > 0 and at most 400 (default: ${DEFAULT-VALUE}).")
    double itemKb;

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
        spec.commandLine().getOut().print(CostTable.format(estimate, topology, prices));
        spec.commandLine().getOut().flush();
        return Distributary.OK;
    }
}
