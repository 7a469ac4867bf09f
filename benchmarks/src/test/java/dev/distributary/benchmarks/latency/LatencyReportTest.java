package dev.distributary.benchmarks.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyReportTest {
    private static final Path STORED = Path.of("../docs/benchmarks");

    @Test
    void storedReport_readsBack_andItsChartIsRedrawnWithoutMeasuring(@TempDir Path dir) throws Exception {
        List<RateResult> results = LatencyReport.read(STORED);

        Path chart = LatencyReport.chart(results, dir.resolve(LatencyReport.CHART));

        assertThat(results).extracting(RateResult::writesPerSecond).containsExactly(20.0, 30.0, 40.0);
        assertThat(results).allSatisfy(r -> assertThat(r.passed()).isTrue());
        assertThat(results.get(0).local().p50())
                .isPositive()
                .isLessThanOrEqualTo(results.get(0).local().p99());
        assertThat(Files.size(chart)).isPositive();
    }

    @Test
    void write_thenRead_givesTheSameResults(@TempDir Path dir) throws Exception {
        List<RateResult> stored = LatencyReport.read(STORED);

        LatencyReport.write(stored, dir);

        assertThat(LatencyReport.read(dir)).isEqualTo(stored);
        assertThat(dir.resolve(LatencyReport.CHART)).exists();
    }
}
