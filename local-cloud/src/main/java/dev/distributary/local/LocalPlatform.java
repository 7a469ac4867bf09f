package dev.distributary.local;

import dev.distributary.local.esm.EventSourceMapping;
import dev.distributary.local.esm.MappingConfig;
import dev.distributary.local.esm.MappingMetrics;
import dev.distributary.local.function.FunctionConfig;
import dev.distributary.local.function.LocalFunction;
import dev.distributary.local.internal.emulator.Emulators;
import dev.distributary.local.internal.esm.CheckpointStore;
import dev.distributary.local.internal.esm.SqsFailureDestination;
import dev.distributary.local.internal.iam.Denial;
import dev.distributary.local.internal.iam.IdentityPolicy;
import dev.distributary.local.internal.iam.LocalIdentity;
import dev.distributary.local.internal.provision.PlatformProvisioner;
import dev.distributary.local.internal.proxy.EmulatorProxy;
import dev.distributary.local.internal.replication.Replicator;
import dev.distributary.local.internal.streams.DynamoStreamsSource;
import dev.distributary.local.provision.RegionResources;
import dev.distributary.moto.AwsClients;
import dev.distributary.moto.MotoServer;
import dev.distributary.replication.FilterPatterns;
import dev.distributary.topology.Arns;
import dev.distributary.topology.LambdaRules;
import dev.distributary.topology.ProcessorEnvironment;
import dev.distributary.topology.ProcessorPermissions;
import dev.distributary.topology.ProcessorPolicy;
import dev.distributary.topology.ProcessorSettings;
import dev.distributary.topology.ResourceNames;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The whole platform on one machine: the emulator, one moto server per region unless the user brings
 * one for all (behind a proxy that judges every function call
 * by the function's role policy, counts and injects faults), every region's tables, fan-out and
 * processor resources named as the stacks name them, global-table replication between the
 * regional tables, each processing region's function run as Lambda runs it with its own
 * credentials, and an event source mapping per table stream. Close it to stop everything, emulator
 * included when it was started here.
 */
public final class LocalPlatform implements AutoCloseable {

    private final LocalOptions options;
    private final ResourceNames names;
    private final List<AutoCloseable> running = new ArrayList<>();
    private Emulators emulators;
    private EmulatorProxy proxy;
    private AwsClients aws;
    private Map<String, RegionResources> resources;
    private Replicator replicator;
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final Map<String, List<EventSourceMapping>> mappings = new LinkedHashMap<>();
    private final Map<String, LocalIdentity> identities = new LinkedHashMap<>();
    private final Map<String, String> policies = new LinkedHashMap<>();
    private final CheckpointStore checkpoints = new CheckpointStore();

    private LocalPlatform(LocalOptions options) {
        this.options = options;
        this.names = options.names();
    }

    /** Starts everything; {@code progress} hears what is happening. On failure, whatever started is stopped. */
    public static LocalPlatform start(LocalOptions options, Consumer<String> progress) {
        if (!Files.isRegularFile(options.processorJar())) {
            throw new IllegalStateException("the processor's deployment jar " + options.processorJar()
                    + " does not exist; build it with ./mvnw -pl regional-processor -am package -DskipTests");
        }
        LocalPlatform platform = new LocalPlatform(options);
        try {
            platform.boot(progress);
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void boot(Consumer<String> progress) {
        Topology topology = options.topology();
        emulators = options.endpoint().map(Emulators::shared).orElseGet(() -> Emulators.perRegion(topology.regions()));
        running.add(emulators);
        progress.accept(emulators.describe());
        proxy = new EmulatorProxy(emulators.upstreams(), options.seed());
        running.add(proxy);
        aws = new AwsClients(proxy.endpoint());
        running.add(aws);
        resources = new PlatformProvisioner(topology, names, aws).provision(progress);
        replicator = new Replicator(
                        topology,
                        aws::dynamoDb,
                        aws::streams,
                        options.replication(),
                        Clock.systemUTC(),
                        new Random(options.seed()))
                .start();
        running.add(replicator);
        progress.accept("replicating "
                + topology.tables().stream()
                        .filter(t -> topology.replicaRegions(t).size() > 1)
                        .count() + " global table(s) between their replica regions");
        Path logs = options.workDirectory().resolve("logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + logs, e);
        }
        Arns arns = new Arns("aws", MotoServer.ACCOUNT_ID);
        for (String region : topology.processingRegions()) {
            RegionResources here = resources.get(region);
            LocalIdentity identity = assumeRole(region, arns);
            // Lambda reads the stream and writes the on-failure destination with the function's role: so does the local
            // mapping.
            AwsClients role = new AwsClients(proxy.endpoint(), identity.accessKeyId(), identity.secretAccessKey());
            running.add(role);
            LocalFunction function = new LocalFunction(
                    functionConfig(region, here, logs), options.workDirectory(), platformEnvironment(identity));
            running.add(function);
            functions.put(region, function);
            List<EventSourceMapping> regionMappings = new ArrayList<>();
            for (Map.Entry<String, String> stream : here.streamArns().entrySet()) {
                TableSpec table = topology.requireTable(stream.getKey());
                List<String> filter = options.instrumentation().eventFilter()
                        ? FilterPatterns.forRegion(topology, table, region)
                        : List.of();
                MappingConfig mapping = MappingConfig.of(function.config().arn(), topology.processor(), filter);
                EventSourceMapping esm = new EventSourceMapping(
                                new DynamoStreamsSource(
                                        role.streams(region),
                                        stream.getValue(),
                                        table.partitionKey().name()),
                                mapping,
                                options.instrumentation().invoker().apply(function::invoke),
                                new SqsFailureDestination(
                                        role.sqs(region),
                                        here.processor().orElseThrow().onFailureUrl()),
                                checkpoints,
                                Clock.systemUTC())
                        .start();
                running.add(esm);
                regionMappings.add(esm);
            }
            mappings.put(region, regionMappings);
            progress.accept(region + ": processor " + function.config().name() + " with " + regionMappings.size()
                    + " event source mapping(s)");
        }
    }

    /**
     * The processor's role in the region: credentials of its own, which the proxy judges by the policy
     * synth writes into the role (with the instrumentation's change to its permissions, if any).
     */
    private LocalIdentity assumeRole(String region, Arns arns) {
        Topology topology = options.topology();
        LocalIdentity identity =
                LocalIdentity.of(names.processorFunction(), region, names.processorRole(region), MotoServer.ACCOUNT_ID);
        String policy = ProcessorPolicy.document(
                options.instrumentation().permissions().apply(ProcessorPermissions.of(topology.processor())),
                ProcessorPolicy.resources(topology, names, region, arns));
        proxy.iam().register(identity, IdentityPolicy.parse(policy));
        identities.put(region, identity);
        policies.put(region, policy);
        return identity;
    }

    /**
     * Starts, in parallel, one environment per event source mapping of every function now rather
     * than on the first batches; returns the slowest initialisation.
     */
    public Duration warmUp() {
        List<LocalFunction> environments = new ArrayList<>();
        functions.forEach((region, function) -> mappings.get(region).forEach(mapping -> environments.add(function)));
        return environments.parallelStream()
                .map(LocalFunction::warmUp)
                .max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }

    private FunctionConfig functionConfig(String region, RegionResources here, Path logs) {
        Topology topology = options.topology();
        Map<String, String> topics = new LinkedHashMap<>();
        for (String target : topology.routing().mode() == dev.distributary.topology.RoutingMode.PRIMARY_REGION
                ? topology.regions()
                : List.of(region)) {
            topics.put(target, resources.get(target).fanout().topicArn());
        }
        RegionResources.ProcessorResources processor = here.processor().orElseThrow();
        Map<String, String> variables = ProcessorEnvironment.of(
                options.platformYaml(), topics, processor.quarantineUrl(), processor.idempotencyTable());
        LambdaRules.requireEnvironment(names.processorFunction() + " in " + region, variables);
        Map<String, String> environment =
                new HashMap<>(options.instrumentation().functionEnvironment());
        environment.putAll(variables);
        ProcessorSettings settings = topology.processor();
        int concurrency = Math.max(1, here.streamArns().size() * settings.parallelizationFactor());
        List<Path> code = new ArrayList<>();
        code.add(options.processorJar());
        code.addAll(options.instrumentation().functionClassPath());
        return new FunctionConfig(
                names.processorFunction(),
                region,
                options.instrumentation().handler().orElse(ProcessorEnvironment.HANDLER),
                code,
                environment,
                settings.memoryMb(),
                Duration.ofSeconds(settings.timeoutSeconds()),
                concurrency,
                Optional.of(logs));
    }

    /**
     * A new, separate instance of a region's function (same code, configuration and environment),
     * not wired to any event source mapping: for measuring cold starts and for invoking directly.
     * The caller closes it.
     */
    public LocalFunction freshFunction(String region) {
        LocalFunction function = functions.get(region);
        if (function == null) {
            throw new IllegalArgumentException(
                    "no processor runs in " + region + "; processing regions: " + functions.keySet());
        }
        return new LocalFunction(
                function.config(), options.workDirectory(), platformEnvironment(identities.get(region)));
    }

    /** What Lambda's platform would put in every environment, pointed at the local endpoint: the role's credentials among it. */
    private Map<String, String> platformEnvironment(LocalIdentity identity) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
        env.put("AWS_ACCESS_KEY_ID", identity.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", identity.secretAccessKey());
        env.put("AWS_XRAY_CONTEXT_MISSING", "IGNORE_ERROR");
        env.put(ProcessorEnvironment.LOG_LEVEL, "INFO");
        env.put("LANG", "C.UTF-8");
        return env;
    }

    /** The endpoint clients should use (the proxy in front of the emulator). */
    public URI endpoint() {
        return proxy.endpoint();
    }

    public AwsClients aws() {
        return aws;
    }

    public EmulatorProxy proxy() {
        return proxy;
    }

    /**
     * Emulator calls so far, per service, operation and the resource they name (a table, queue URL or
     * topic ARN; {@code -} for none), as the proxy in front of the emulator counted them.
     */
    public Map<String, Map<String, Map<String, Long>>> callsByResource() {
        return proxy.callsByResource();
    }

    /** Milliseconds the emulator spent answering so far, per service and operation. */
    public Map<String, Map<String, Long>> emulatorServerMillis() {
        return proxy.serverMillis();
    }

    public Replicator replicator() {
        return replicator;
    }

    public ResourceNames names() {
        return names;
    }

    public Map<String, RegionResources> resources() {
        return resources;
    }

    public Map<String, LocalFunction> functions() {
        return functions;
    }

    public Map<String, List<EventSourceMapping>> mappings() {
        return mappings;
    }

    /** Every event source mapping's counters now, added up. */
    public MappingMetrics.Snapshot mappingMetrics() {
        return MappingMetrics.Snapshot.total(mappings.values().stream()
                .flatMap(List::stream)
                .map(EventSourceMapping::metrics)
                .toList());
    }

    /** Each processing region's role policy, as the proxy enforces it on the function's calls. */
    public Map<String, String> policies() {
        return policies;
    }

    /** The calls the functions' policies denied so far; a correct platform has none. */
    public List<Denial> iamDenials() {
        return proxy.iam().denials();
    }

    /** Where each event source mapping's shards stand: the last sequence number processed, per stream and shard. */
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    public LocalOptions options() {
        return options;
    }

    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
        running.clear();
    }
}
