package dev.distributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distributary.local.chaos.Scenarios;
import dev.distributary.moto.MotoServer;
import dev.distributary.moto.junit.MotoTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@MotoTest
class ChaosCommandTest {
    private static final String PLATFORM = "../platform.yaml";
    private static final String JAR = "../regional-processor/target/distributary-processor.jar";

    @Test
    void help_listsEveryScenario() {
        CliRun run = CliRun.of("chaos", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--scenario=NAME", "--report=FILE", "--events=N");
        Scenarios.names().forEach(name -> assertThat(run.out()).contains(name));
    }

    @Test
    void unknownScenario_isRefusedWithTheList_beforeAnythingStarts() {
        CliRun run = CliRun.of("chaos", "-f", PLATFORM, "--scenario", "poison", "--scenario", "gremlins");

        assertThat(run.exitCode()).isEqualTo(Distributary.BAD_INPUT);
        assertThat(run.err())
                .contains("unknown scenario gremlins; the scenarios are " + String.join(", ", Scenarios.names()));
        assertThat(run.out()).doesNotContain("logs:");
    }

    @Test
    void tooFewEvents_isRefusedWithTheMinimum() {
        CliRun run = CliRun.of("chaos", "-f", PLATFORM, "--events", "5");

        assertThat(run.exitCode()).isEqualTo(Distributary.BAD_INPUT);
        assertThat(run.err()).contains("a chaos scenario needs at least 20 events, not 5");
    }

    @Tag("e2e")
    @Test
    void oneScenario_printsTheTable_writesTheReport_andExitsZeroWhenItPasses(MotoServer moto) throws Exception {
        Path work = Files.createDirectories(Path.of("target", "chaos-command-test"));
        Path report = work.resolve("report.json");

        CliRun run = CliRun.of(
                "chaos",
                "-f",
                PLATFORM,
                "--scenario",
                "duplicate-batches",
                "--events",
                "40",
                "--processor-jar",
                JAR,
                "--endpoint",
                moto.endpoint().toString(),
                "--work-dir",
                work.toString(),
                "--report",
                report.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .containsPattern(
                        "scenario\\s+events\\s+lost\\s+duplicated\\s+leaked\\s+quarantined\\s+iam-denied\\s+passed")
                .containsPattern("duplicate-batches\\s+40\\s+0\\s+0\\s+0\\s+0\\s+0\\s+yes")
                .contains("Result: PASSED");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.at("/scenarios/0/name").asText()).isEqualTo("duplicate-batches");
        assertThat(json.at("/scenarios/0/checks")).isNotEmpty();
    }
}
