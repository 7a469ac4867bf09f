package dev.distributary.infra.synth;

import com.pulumi.Context;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.distributary.infra.DistributaryStack;
import dev.distributary.infra.GlobalTables;
import dev.distributary.infra.Observability;
import dev.distributary.infra.RegionalFanout;
import dev.distributary.infra.RegionalProcessor;
import dev.distributary.infra.StackSettings;
import dev.distributary.infra.synth.internal.RecordingMonitor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the infrastructure program offline, under Pulumi's mock engine: no cloud account, no
 * Pulumi CLI. The result lists every resource {@code pulumi up} would register for the region,
 * with its inputs as the program sends them.
 *
 * <p>The mock engine is a process-wide singleton, so runs are serialised.
 */
public final class Synthesizer {
    /** How a secret input is shown. */
    public static final String SECRET = RecordingMonitor.SECRET;

    public static final String PROJECT = "distributary";
    /** The components in the order the stack declares them. */
    private static final List<String> COMPONENTS =
            List.of(GlobalTables.TYPE, RegionalFanout.TYPE, RegionalProcessor.TYPE, Observability.TYPE);

    private Synthesizer() {}

    /**
     * The region's stack.
     *
     * @throws dev.distributary.infra.ResidencyRefusedException when the platform breaks residency (nothing is declared)
     * @throws SynthException                                     when the program fails otherwise, or declares two resources
     *                                                            of one kind with one physical name in one region
     */
    public static Synthesis run(StackSettings settings) {
        String stack = settings.environment() + "-" + settings.region();
        return run(settings.region(), stack, ctx -> DistributaryStack.declare(ctx, settings));
    }

    /** Any program, for one region. */
    public static synchronized Synthesis run(String region, String stack, Consumer<Context> program) {
        Logger pulumiLogger = Logger.getLogger("com.pulumi");
        Level level = pulumiLogger.getLevel();
        pulumiLogger.setLevel(Level.OFF); // the mock engine logs each failure; synth reports it once, itself
        RecordingMonitor[] monitor = new RecordingMonitor[1];
        OfflineCloud cloud = new OfflineCloud(region);
        try {
            TestResult result = PulumiTestInternal.builder()
                    .options(TestOptions.builder()
                            .projectName(PROJECT)
                            .stackName(stack)
                            .preview(false)
                            .build())
                    .mocks(cloud)
                    .monitorDecorator(mock -> monitor[0] = new RecordingMonitor(cloud, com.pulumi.Log.ignore()))
                    .build()
                    .runTest(program);
            if (!result.exceptions().isEmpty()) {
                throw unwrap(result.exceptions().get(0));
            }
            if (!result.errors().isEmpty()) {
                throw new SynthException("the program failed: " + String.join("; ", result.errors()));
            }
            List<SynthResource> resources = ordered(monitor[0].recorded());
            PhysicalNames.requireUnique(resources, region);
            return new Synthesis(region, stack, OfflineCloud.ACCOUNT, resources);
        } finally {
            PulumiTest.cleanup();
            pulumiLogger.setLevel(level);
        }
    }

    /**
     * Registrations arrive in no fixed order: synth lists the top-level resources first (the
     * components in declaration order), then each one's children by type and name.
     */
    private static List<SynthResource> ordered(List<SynthResource> recorded) {
        Comparator<SynthResource> byRank = Comparator.comparingInt(r -> {
            int rank = COMPONENTS.indexOf(r.type());
            return rank < 0 ? COMPONENTS.size() : rank;
        });
        List<SynthResource> top = recorded.stream()
                .filter(r -> r.parent().isEmpty())
                .sorted(byRank.thenComparing(SynthResource::type).thenComparing(SynthResource::name))
                .toList();
        List<String> parents = top.stream().map(SynthResource::name).toList();
        List<SynthResource> children = recorded.stream()
                .filter(r -> r.parent().isPresent())
                .sorted(Comparator.comparingInt((SynthResource r) -> {
                            int index = parents.indexOf(r.parent().get());
                            return index < 0 ? parents.size() : index;
                        })
                        .thenComparing(r -> r.parent().get())
                        .thenComparing(SynthResource::type)
                        .thenComparing(SynthResource::name))
                .toList();
        List<SynthResource> all = new ArrayList<>(top);
        all.addAll(children);
        return all;
    }

    private static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException
                        || cause.getClass().getName().startsWith("com.pulumi."))
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof RuntimeException runtime
                ? runtime
                : new SynthException("the program failed: " + cause, cause);
    }
}
