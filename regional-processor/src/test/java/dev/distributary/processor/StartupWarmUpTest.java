package dev.distributary.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.processor.internal.aws.EmfMetrics;
import dev.distributary.processor.internal.aws.StartupWarmUp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cold start's warm-up: done when the constructor goes on, and silent. */
class StartupWarmUpTest {

    @Test
    void await_returnsOnlyWhenEveryWarmUpThreadHasFinished() {
        StartupWarmUp warmUp = StartupWarmUp.begin();

        warmUp.await();

        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(
                        thread -> Set.of("startup-logging", "startup-warm-up").contains(thread.getName()))
                .noneMatch(Thread::isAlive);
    }

    @Test
    void metricsWarmUp_writesNoMetricsLine() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EmfMetrics.warmUp();
        } finally {
            System.setOut(original);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
