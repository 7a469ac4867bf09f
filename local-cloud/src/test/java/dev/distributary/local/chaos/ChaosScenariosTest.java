package dev.distributary.local.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.local.LocalOptions;
import dev.distributary.moto.MotoServer;
import dev.distributary.moto.junit.MotoTest;
import dev.distributary.topology.IdempotencyLedger;
import dev.distributary.topology.TopologyLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every chaos scenario on moto at a small size, on the shipped platform with each publish ledger
 * (the checkpoint ledger it uses by default, and the per-record ledger): each must pass every one
 * of its checks, and report what it saw.
 */
@MotoTest
@Tag("e2e")
class ChaosScenariosTest {
    private static final Path PLATFORM = Path.of("..", "platform.yaml");

    static Stream<Arguments> scenarios() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("sns-throttling", 120);
        sizes.put("store-faults", 120);
        sizes.put("duplicate-batches", 120);
        sizes.put("death-mid-batch", 120);
        sizes.put("timeout-mid-batch", 120);
        sizes.put("replication-disorder", 150);
        sizes.put("poison", 150);
        sizes.put("residency", 300);
        sizes.put("malformed", 60);
        return Stream.of(IdempotencyLedger.values())
                .flatMap(ledger -> sizes.entrySet().stream()
                        .map(scenario -> Arguments.of(scenario.getKey(), scenario.getValue(), ledger)));
    }

    @ParameterizedTest(name = "{0} with {1} events, {2} ledger")
    @MethodSource("scenarios")
    void scenario_atSmallSize_passesEveryCheck(String name, int events, IdempotencyLedger ledger, MotoServer moto)
            throws Exception {
        Path work = Files.createDirectories(Path.of("target", "chaos-test", ledger.yamlName()));
        String yaml = Files.readString(PLATFORM)
                .replace(
                        "idempotencyExpirySeconds: 90000",
                        "idempotencyExpirySeconds: 90000\n  idempotency: " + ledger.yamlName());
        LocalOptions options = LocalOptions.defaults(
                        TopologyLoader.parse(yaml, PLATFORM.toString()),
                        yaml,
                        Path.of("..", LocalOptions.DEFAULT_PROCESSOR_JAR),
                        work)
                .withEndpoint(moto.endpoint())
                .withSeed(11);
        assertThat(options.topology().processor().ledger()).isEqualTo(ledger);
        // At this size the agent strikes at every chance, twice per function, so that a mid-batch fault surely happens
        // and the run stays short.
        ChaosOptions chaos =
                ChaosOptions.defaults(Path.of(".."), 11).withEvents(events).withAgent(1.0, 2);
        List<String> progress = new ArrayList<>();

        ChaosReport report = new ChaosRunner(options, chaos, line -> {
                    progress.add(line);
                    System.out.println(line);
                })
                .run(ChaosRunner.select(List.of(name)));

        ChaosReport.Row row = report.scenarios().get(0);
        assertThat(row.checks())
                .as(String.join("\n", progress))
                .allSatisfy(check -> assertThat(check.passed())
                        .as(check.name() + ": " + check.detail())
                        .isTrue());
        assertThat(row.passed()).isTrue();
        assertThat(row.lost()).isZero();
        assertThat(row.duplicated()).isZero();
        assertThat(row.leaked()).isZero();
        assertThat(row.events()).isGreaterThanOrEqualTo(events / 2);
        assertThat(report.passed()).isTrue();
    }
}
