package dev.distributary.cli;

import dev.distributary.fanout.provision.ProvisionedQueue;
import dev.distributary.local.LocalPlatform;
import dev.distributary.local.provision.RegionResources;
import dev.distributary.topology.Topology;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "local", description = "Run the platform on this machine.", subcommands = {LocalCommand.Up.class, CommandLine.HelpCommand.class})
final class LocalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Distributary.BAD_INPUT;
    }

    @Command(name = "up", description = {
            "Start the platform (emulator, tables, replication, processors, queues) without a workload, print how to reach it,",
            "and keep it running until Ctrl-C. Write items with any AWS SDK or CLI pointed at the endpoint."})
    static final class Up implements Callable<Integer> {
        @Mixin
        PlatformFile platform;

        @Mixin
        LocalRun local;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            Topology topology = platform.load();
            LocalPlatform running = local.start(platform, topology, out);
            running.warmUp();
            out.printf("%nDistributary is running locally. Endpoint: %s (credentials: any)%n", running.endpoint());
            for (RegionResources region : running.resources().values()) {
                out.printf("%n%s%n", region.region());
                region.streamArns().keySet().forEach(table -> out.printf("  table  %s%n", table));
                out.printf("  topic  %s%n", region.fanout().topicArn());
                for (ProvisionedQueue queue : region.fanout().queues()) {
                    out.printf("  queue  %-12s %s (DLQ %s)%n", queue.consumer(), queue.queueUrl(), queue.deadLetterQueueUrl());
                }
                region.processor().ifPresent(p -> out.printf("  quarantine %s%n", p.quarantineUrl()));
            }
            var table = topology.tables().get(0);
            out.printf("%nItems must carry the origin stamp (%s = the writing region as S, %s = epoch milliseconds as N); the%n"
                            + "origin-stamping writer adds it. For example:%n"
                            + "  aws --endpoint-url %s --region %s dynamodb put-item --table-name %s \\%n"
                            + "    --item '{\"%s\":{\"S\":\"demo-1\"}%s,\"%s\":{\"S\":\"%s\"},\"%s\":{\"N\":\"'$(date +%%s%%3N)'\"}}'%n"
                            + "  ./distributary consume --endpoint %s --region %s --consumer %s%n%nPress Ctrl-C to stop.%n",
                    table.stamp().originAttribute(), table.stamp().writeTimeAttribute(), running.endpoint(), topology.regions().get(0), table.name(),
                    table.partitionKey().name(), table.sortKey().map(sk -> ",\"" + sk.name() + "\":{\"S\":\"v0\"}").orElse(""),
                    table.stamp().originAttribute(), topology.regions().get(0), table.stamp().writeTimeAttribute(), running.endpoint(),
                    topology.regions().get(0), topology.consumersIn(topology.regions().get(0)).stream().findFirst().map(c -> c.name()).orElse("NAME"));
            out.flush();
            new CountDownLatch(1).await();
            return Distributary.OK;
        }
    }
}
