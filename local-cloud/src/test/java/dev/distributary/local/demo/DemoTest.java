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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo end to end at a small size, in both routing modes: every check must hold. */
@MotoTest
@Tag("e2e")
class DemoTest {

    @ParameterizedTest
    @ValueSource(strings = {"platform.yaml", "examples/primary-region.yaml"})
    void smallDemo_passesEveryCheck(String file, MotoServer moto) throws Exception {
        moto.reset();
        Path platformFile = Path.of("..").resolve(file);
        Path work = Files.createDirectories(Path.of("target", "demo-test", file.replace('/', '-')));
        LocalOptions options = LocalOptions.defaults(
                        TopologyLoader.load(platformFile),
                        Files.readString(platformFile),
                        Path.of("..", LocalOptions.DEFAULT_PROCESSOR_JAR),
                        work)
                .withEndpoint(moto.endpoint());
        List<String> progress = new ArrayList<>();
        DemoReport report;
        try (LocalPlatform platform = LocalPlatform.start(options, progress::add)) {
            platform.warmUp();
            report = new Demo(platform, new DemoOptions(40, 20, Duration.ofSeconds(45), 3), progress::add)
                    .run(System.nanoTime());
        }

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
