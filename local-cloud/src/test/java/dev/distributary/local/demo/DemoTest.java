package dev.distributary.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.local.Instrumentation;
import dev.distributary.local.LocalOptions;
import dev.distributary.local.LocalPlatform;
import dev.distributary.moto.MotoServer;
import dev.distributary.moto.junit.MotoTest;
import dev.distributary.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The demo end to end at a small size, in both routing modes: every check must hold. */
@MotoTest
@Tag("e2e")
class DemoTest {

    /**
     * restock takes inventory's local changes only, so every region's mapping filters out the inventory records
     * replicated into it before invoking the processor, while order-cache still gets every region's orders.
     */
    @Test
    void shippedPlatform_smallDemo_passesEveryCheck_andFiltersInventoryReplicasInEveryRegion(MotoServer moto)
            throws Exception {
        List<String> progress = new ArrayList<>();
        DemoReport report = smallDemo("platform.yaml", moto, progress);

        assertEveryCheckHeld(report, progress);
        assertThat(report.filteredPerRegion())
                .containsOnlyKeys("us-east-1", "eu-west-1", "ap-southeast-2")
                .allSatisfy(
                        (region, filtered) -> assertThat(filtered).as(region).isPositive());
        assertThat(report.replicaSkippedByProcessor())
                .as("the filters drop every unwanted replica before any invocation")
                .isZero();
        assertThat(report.replicaSkipped())
                .isEqualTo(report.filteredPerRegion().values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
        assertThat(report.latencyReplicaMs().max())
                .as("order-cache received replicated orders")
                .isPositive();
        String last = progress.stream()
                .filter(line -> line.startsWith("progress:"))
                .reduce((first, second) -> second)
                .orElseThrow();
        for (String region : report.filteredPerRegion().keySet()) {
            assertThat(last).containsPattern(region + " .* filtered +[1-9]");
        }
    }

    @Test
    void primaryRegionExample_smallDemo_passesEveryCheck(MotoServer moto) throws Exception {
        List<String> progress = new ArrayList<>();
        DemoReport report = smallDemo("examples/primary-region.yaml", moto, progress);

        assertEveryCheckHeld(report, progress);
    }

    private static DemoReport smallDemo(String file, MotoServer moto, List<String> progress) throws Exception {
        moto.reset();
        Path platformFile = Path.of("..").resolve(file);
        Path work = Files.createDirectories(Path.of("target", "demo-test", file.replace('/', '-')));
        LocalOptions options = LocalOptions.defaults(
                        TopologyLoader.load(platformFile),
                        Files.readString(platformFile),
                        Path.of("..", LocalOptions.DEFAULT_PROCESSOR_JAR),
                        work)
                .withEndpoint(moto.endpoint());
        try (LocalPlatform platform = LocalPlatform.start(options, progress::add)) {
            platform.warmUp();
            return new Demo(platform, new DemoOptions(40, 20, Duration.ofSeconds(45), 3), progress::add)
                    .run(System.nanoTime());
        }
    }

    private static void assertEveryCheckHeld(DemoReport report, List<String> progress) {
        assertThat(report.checks())
                .allSatisfy(check -> assertThat(check.passed())
                        .as(check.name() + ": " + check.detail())
                        .isTrue());
        assertThat(report.passed()).isTrue();
        assertThat(report.lost()).isZero();
        assertThat(report.duplicates()).isZero();
        assertThat(report.residencyViolations()).isZero();
        assertThat(report.deliveries()).isEqualTo(report.expectedDeliveries()).isPositive();
        assertThat(report.quarantined()).isEqualTo(1);
        assertThat(report.apiCalls()).containsKeys("dynamodb", "sns", "sqs", "dynamodbstreams");
        assertThat(report.apiServerMs())
                .as("the emulator's time is reported for every service the calls went to")
                .containsOnlyKeys(report.apiCalls().keySet());
        assertThat(report.iamDenied())
                .as("every call the functions and their mappings made was allowed by the role synth writes")
                .isZero();
        assertThat(progress).anyMatch(line -> line.startsWith("progress:"));
    }

    /** The IAM check is real: without the statement that lets the processor publish, AWS would refuse every publish, and so does the local run. */
    @Test
    void roleWithoutPublishToTopics_demoFails_namingTheDeniedActionAndResource(MotoServer moto) throws Exception {
        moto.reset();
        Path platformFile = Path.of("..", "platform.yaml");
        Path work = Files.createDirectories(Path.of("target", "demo-test", "without-publish"));
        LocalOptions options = LocalOptions.defaults(
                        TopologyLoader.load(platformFile),
                        Files.readString(platformFile),
                        Path.of("..", LocalOptions.DEFAULT_PROCESSOR_JAR),
                        work)
                .withEndpoint(moto.endpoint())
                .withInstrumentation(Instrumentation.none().withoutPermission("PublishToTopics"));
        DemoReport report;
        try (LocalPlatform platform = LocalPlatform.start(options, line -> {})) {
            assertThat(platform.policies().values())
                    .allSatisfy(policy -> assertThat(policy).doesNotContain("PublishToTopics"));
            report = new Demo(platform, new DemoOptions(20, 20, Duration.ofSeconds(45), 3), line -> {})
                    .run(System.nanoTime());
        }

        assertThat(report.passed()).isFalse();
        assertThat(report.iamDenied()).isPositive();
        assertThat(report.checks())
                .filteredOn(check -> check.name().equals("every call allowed by the function's role"))
                .singleElement()
                .satisfies(check -> {
                    assertThat(check.passed()).isFalse();
                    assertThat(check.detail())
                            .containsPattern(
                                    "the first: shop-dev-processor in (us-east-1|eu-west-1|ap-southeast-2): sns:Publish on "
                                            + "arn:aws:sns:\\1:123456789012:shop-dev-events \\(User: arn:aws:sts::123456789012:assumed-role/shop-dev-processor-\\1/"
                                            + "shop-dev-processor is not authorized to perform: sns:Publish on resource: arn:aws:sns:\\1:123456789012:shop-dev-events");
                });
    }
}
