package dev.distributary.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo end to end at a small size, in both routing modes: every check must hold. */
@MotoTest
class DemoTest {

    @ParameterizedTest
    @ValueSource(strings = {"platform.yaml", "examples/primary-region.yaml"})
    void smallDemo_passesEveryCheck(String file, MotoServer moto) throws Exception {
        moto.reset();
        Path platformFile = Path.of("..").resolve(file);
        Path work = Files.createDirectories(Path.of("target", "demo-test", file.replace('/', '-')));
        LocalOptions options = LocalOptions.defaults(TopologyLoader.load(platformFile), Files.readString(platformFile),
                Path.of("..", LocalOptions.DEFAULT_PROCESSOR_JAR), work).withEndpoint(moto.endpoint());
        List<String> progress = new ArrayList<>();
        DemoReport report;
        try (LocalPlatform platform = LocalPlatform.start(options, progress::add)) {
            platform.warmUp();
            report = new Demo(platform, new DemoOptions(40, 20, Duration.ofSeconds(45), 3), progress::add).run(System.nanoTime());
        }

        assertThat(report.checks()).allSatisfy(check -> assertThat(check.passed()).as(check.name() + ": " + check.detail()).isTrue());
        assertThat(report.passed()).isTrue();
        assertThat(report.lost()).isZero();
        assertThat(report.duplicates()).isZero();
        assertThat(report.residencyViolations()).isZero();
        assertThat(report.deliveries()).isEqualTo(report.expectedDeliveries()).isPositive();
        assertThat(report.quarantined()).isEqualTo(1);
        assertThat(report.apiCalls()).containsKeys("dynamodb", "sns", "sqs", "dynamodbstreams");
        assertThat(progress).anyMatch(line -> line.startsWith("progress:"));
    }
}
