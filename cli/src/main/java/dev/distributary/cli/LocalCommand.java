package dev.distributary.cli;

import dev.distributary.fanout.provision.ProvisionedQueue;
import dev.distributary.local.LocalPlatform;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "local",
        header = "Run the platform on this machine.",
        description = "local up starts it and keeps it running until Ctrl-C.",
        subcommands = LocalCommand.Up.class)
final class LocalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: up");
    }

    @Command(
            name = "up",
            header = "Start the platform locally; keep it running until Ctrl-C.",
            description = {
                "Start the platform (emulator, tables, replication, processors, queues) without a workload, print how to reach it,",
                "and keep it running until Ctrl-C. Write items with any AWS SDK or CLI pointed at the endpoint.",
                "JSON: {endpoint, credentials, writerContract, logs, regions: [{region, tables, topicArn, queues: [{consumer, url, "
                        + "deadLetterQueueUrl}], quarantineUrl}]} on standard output once it runs; progress goes to standard error."
            })
    static final class Up implements Callable<Integer> {
        /** Where the rules for writing to the tables are, in the repository. */
        static final String WRITER_CONTRACT = "docs/writing-to-tables.md";
        /** Any credentials do for the emulator, but AWS's CLI and SDKs refuse to sign without some. */
        static final String ACCESS_KEY_ID = "local";

        static final String SECRET_ACCESS_KEY = "local";

        @Mixin
        PlatformFile platform;

        @Mixin
        LocalRun local;

        @Mixin
        OutputFormat format;

        @Spec
        CommandSpec spec;

        /** What {@code --format json} prints. */
        record Endpoints(
                String endpoint, Credentials credentials, String writerContract, String logs, List<Region> regions) {}

        record Credentials(String accessKeyId, String secretAccessKey) {}

        record Region(String region, List<String> tables, String topicArn, List<Queue> queues, String quarantineUrl) {}

        record Queue(String consumer, String url, String deadLetterQueueUrl) {}

        @Override
        public Integer call() {
            PrintWriter messages = format.json()
                    ? spec.commandLine().getErr()
                    : spec.commandLine().getOut();
            Topology topology = platform.load();
            try (LocalSession session = local.start(platform, topology, messages)) {
                LocalPlatform running = session.platform();
                running.warmUp();
                Endpoints endpoints = endpoints(running);
                if (format.json()) {
                    OutputFormat.document(spec.commandLine().getOut(), endpoints);
                } else {
                    banner(topology, endpoints, messages);
                }
                messages.flush();
                try {
                    new CountDownLatch(1).await(); // until Ctrl-C, whose shutdown hook stops the session
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (session.stop()) {
                    messages.println();
                    messages.println(session.stoppedLine() + ".");
                    messages.flush();
                }
            }
            return Distributary.OK;
        }

        private static Endpoints endpoints(LocalPlatform running) {
            URI endpoint = running.endpoint();
            List<Region> regions = running.resources().values().stream()
                    .map(region -> new Region(
                            region.region(),
                            List.copyOf(region.streamArns().keySet()),
                            region.fanout().topicArn(),
                            region.fanout().queues().stream()
                                    .map(q -> queue(q, endpoint))
                                    .toList(),
                            region.processor()
                                    .map(p -> through(endpoint, p.quarantineUrl()))
                                    .orElse(null)))
                    .toList();
            return new Endpoints(
                    endpoint.toString(),
                    new Credentials(ACCESS_KEY_ID, SECRET_ACCESS_KEY),
                    WRITER_CONTRACT,
                    running.options().workDirectory().resolve("logs").toString(),
                    regions);
        }

        private static Queue queue(ProvisionedQueue queue, URI endpoint) {
            return new Queue(
                    queue.consumer(),
                    through(endpoint, queue.queueUrl()),
                    through(endpoint, queue.deadLetterQueueUrl()));
        }

        /**
         * A queue URL on the platform's endpoint: the emulator builds its URLs from its own
         * address, which clients never use (they go through the endpoint in front of it).
         */
        static String through(URI endpoint, String queueUrl) {
            URI url = URI.create(queueUrl);
            return endpoint.getScheme() + "://" + endpoint.getRawAuthority() + url.getRawPath();
        }

        private static void banner(Topology topology, Endpoints endpoints, PrintWriter out) {
            String endpoint = endpoints.endpoint();
            out.printf("%nDistributary is running on this machine.%n");
            out.printf(
                    "  endpoint         %s (every service and region; the region comes from each request's signature)%n",
                    endpoint);
            out.printf(
                    "  credentials      any, but AWS's CLI and SDKs need some: AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s%n",
                    ACCESS_KEY_ID, SECRET_ACCESS_KEY);
            out.printf("  writer contract  %s (what every item written to a table must carry)%n", WRITER_CONTRACT);
            for (Region region : endpoints.regions()) {
                out.printf("%n%s%n", region.region());
                region.tables().forEach(table -> out.printf("  table       %s%n", table));
                out.printf("  topic       %s%n", region.topicArn());
                int width = region.queues().stream()
                        .mapToInt(q -> q.consumer().length())
                        .max()
                        .orElse(0);
                for (Queue queue : region.queues()) {
                    out.printf(
                            "  queue       %-" + width + "s  %s (DLQ %s)%n",
                            queue.consumer(),
                            queue.url(),
                            queue.deadLetterQueueUrl());
                }
                if (region.quarantineUrl() != null) {
                    out.printf("  quarantine  %s%n", region.quarantineUrl());
                }
            }
            String region = topology.regions().get(0);
            TableSpec table = topology.tables().stream()
                    .filter(t -> topology.replicaRegions(t).contains(region))
                    .findFirst()
                    .orElse(topology.tables().get(0));
            String consumer = topology.consumersIn(region).stream()
                    .findFirst()
                    .map(c -> c.name())
                    .orElse("NAME");
            out.printf(
                    "%nTry it from another shell. Items carry the origin stamp (%s = the writing region as S, %s = epoch milliseconds as N),%n"
                            + "which the origin-stamping writer adds:%n"
                            + "  export AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s AWS_ENDPOINT_URL=%s%n"
                            + "  aws --endpoint-url %s --region %s dynamodb put-item --table-name %s \\%n"
                            + "    --item '{\"%s\":{\"S\":\"demo-1\"}%s,\"%s\":{\"S\":\"%s\"},\"%s\":{\"N\":\"'$(date +%%s%%3N)'\"}}'%n"
                            + "  ./distributary consume --region %s --consumer %s%n"
                            + "  ./distributary quarantine --region %s%n%n"
                            + "Press Ctrl-C to stop.%n",
                    table.stamp().originAttribute(),
                    table.stamp().writeTimeAttribute(),
                    ACCESS_KEY_ID,
                    SECRET_ACCESS_KEY,
                    endpoint,
                    endpoint,
                    region,
                    table.name(),
                    table.partitionKey().name(),
                    table.sortKey()
                            .map(sk -> ",\"" + sk.name() + "\":{\"S\":\"v0\"}")
                            .orElse(""),
                    table.stamp().originAttribute(),
                    region,
                    table.stamp().writeTimeAttribute(),
                    region,
                    consumer,
                    topology.processingRegions().get(0));
        }
    }
}
