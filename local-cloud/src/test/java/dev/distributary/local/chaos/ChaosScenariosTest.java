package dev.distributary.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.local.LocalOptions;
import dev.distributary.moto.MotoServer;
import dev.distributary.moto.junit.MotoTest;
import dev.distributary.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every chaos scenario on moto at a small size, on the shipped platform: each must pass every one
 * of its checks, and report what it saw.
 */
@MotoTest
class ChaosScenariosTest {
    private static final Path PLATFORM = Path.of("..", "platform.yaml");

    @ParameterizedTest(name = "{0} with {1} events")
    @CsvSource({
            "sns-throttling, 120",
            "store-faults, 120",
            "duplicate-batches, 120",
            "death-mid-batch, 120",
            "timeout-mid-batch, 120",
            "replication-disorder, 150",
            "poison, 150",
            "residency, 300",
            "malformed, 60"})
    void scenario_atSmallSize_passesEveryCheck(String name, int events, MotoServer moto) throws Exception {
        Path work = Files.createDirectories(Path.of("target", "chaos-test"));
        LocalOptions options = LocalOptions.defaults(TopologyLoader.load(PLATFORM), Files.readString(PLATFORM),
                Path.of("..", LocalOptions.DEFAULT_PROCESSOR_JAR), work).withEndpoint(moto.endpoint()).withSeed(11);
        // At this size the agent strikes at every chance, twice per function, so that a mid-batch fault surely happens and the run stays short.
        ChaosOptions chaos = ChaosOptions.defaults(Path.of(".."), 11).withEvents(events).withAgent(1.0, 2);
        List<String> progress = new ArrayList<>();

        ChaosReport report = new ChaosRunner(options, chaos, line -> {
            progress.add(line);
            System.out.println(line);
        }).run(ChaosRunner.select(List.of(name)));

        ChaosReport.Row row = report.scenarios().get(0);
        assertThat(row.checks()).as(String.join("\n", progress)).allSatisfy(check ->
                assertThat(check.passed()).as(check.name() + ": " + check.detail()).isTrue());
        assertThat(row.passed()).isTrue();
        assertThat(row.lost()).isZero();
        assertThat(row.duplicated()).isZero();
        assertThat(row.leaked()).isZero();
        assertThat(row.events()).isGreaterThanOrEqualTo(events / 2);
        assertThat(report.passed()).isTrue();
    }
}
