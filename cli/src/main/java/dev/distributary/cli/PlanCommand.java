package dev.distributary.cli;

import dev.distributary.topology.Topology;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "plan",
        header = "Show what the platform deploys in each region.",
        description = {
            "Per region: table replicas, topic, queues with their SNS filter policies; then the residency matrix.",
            "JSON: {platform, routing, primary, fanout, regions: [{region, processesChanges, processor, replicas, topic, queues}], residency}."
        })
final class PlanCommand implements Callable<Integer> {
    @Mixin
    PlatformFile platform;

    @Option(names = "--region", paramLabel = "REGION", description = "Only this region.")
    String region;

    @Mixin
    EnvironmentOption environment;

    @Mixin
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Topology topology = platform.load();
        List<String> regions =
                region == null ? topology.regions() : List.of(PlatformFile.requireRegion(topology, region));
        Plan plan = Plan.of(topology, environment.names(topology), regions);
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
            OutputFormat.document(out, plan);
        } else {
            print(plan, out);
        }
        return Distributary.OK;
    }

    private static void print(Plan plan, PrintWriter out) {
        out.printf(
                "Platform %s: %s routing, primary %s, %s fan-out%n",
                plan.platform(), plan.routing(), plan.primary(), plan.fanout());
        out.printf(
                "Publish ledger: %s (%s)%n",
                plan.ledger().idempotency(), plan.ledger().reason());
        for (Plan.RegionPlan region : plan.regions()) {
            out.printf("%n%s%n", region.region());
            out.printf("  processor  %s%n", region.processor());
            for (Plan.ReplicaPlan replica : region.replicas()) {
                String processed = !region.processesChanges()
                        ? "changes processed in the primary"
                        : replica.processesReplicaEvents()
                                ? "local and replicated changes processed"
                                : "local changes processed";
                out.printf(
                        "  table      %s (zone %s, class %s), %s%n",
                        replica.table(), replica.zone(), replica.dataClass(), processed);
            }
            out.printf("  topic      %s%n", region.topic());
            for (Plan.QueuePlan queue : region.queues()) {
                out.printf(
                        "  queue      %s -> DLQ %s after %d receives%n             filter: %s%n",
                        queue.queue(), queue.deadLetterQueue(), queue.maxReceiveCount(), queue.filterPolicy());
            }
        }
        out.printf("%nResidency: which data class may reach which region%n");
        List<String> regions =
                plan.residency().get(0).regions().keySet().stream().toList();
        int width = plan.residency().stream()
                        .mapToInt(c -> c.dataClass().length())
                        .max()
                        .orElse(5)
                + 2;
        out.printf("  %-" + width + "s%s%n", "class", String.join("  ", regions));
        for (Plan.ClassResidency row : plan.residency()) {
            StringBuilder line = new StringBuilder(String.format("  %-" + width + "s", row.dataClass()));
            for (Map.Entry<String, Boolean> cell : row.regions().entrySet()) {
                String mark = cell.getValue() ? "yes" : "no";
                line.append(String.format("%-" + (cell.getKey().length() + 2) + "s", mark));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
