package dev.distributary.cli;

import dev.distributary.topology.Topology;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", description = "Check the platform file; exit 2 with every problem found when it is not valid.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    PlatformFile platform;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Topology topology = platform.load();
        spec.commandLine().getOut().printf("%s is valid: platform '%s', %d regions (%s, %s), %d tables, %d consumers%n",
                platform.path(), topology.name(), topology.regions().size(), topology.routing().mode().yamlName(),
                "primary " + topology.routing().primary(), topology.tables().size(), topology.fanout().consumers().size());
        spec.commandLine().getOut().printf("publish ledger: %s (%s)%n", topology.processor().ledger().yamlName(), topology.processor().ledgerReason());
        return Distributary.OK;
    }
}
