package dev.distributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @Test
    void shippedPlatform_exitsZero_andSummarises() {
        CliRun run = CliRun.of("validate", "-f", "../platform.yaml");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains(
                        "../platform.yaml is valid: platform 'shop', 3 regions (multi-writer, primary us-east-1), 3 tables, 4 consumers")
                .contains(
                        "publish ledger: checkpoint (the default with parallelizationFactor 1: one invocation per shard at a time, so the"
                                + " shard's order is the ledger's)");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void invalidFile_exitsTwo_withEveryProblemAndNoStackTrace(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, """
                regions: [us-east-1, eu-wst-1]
                tables:
                  - name: orders
                    partitionKey: {name: pk}
                processor: {batchSize: 0}
                """);

        CliRun run = CliRun.of("validate", "-f", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(file + ": regions[1]: 'eu-wst-1' is not an AWS region; did you mean 'eu-west-1'?")
                .contains(file + ": processor.batchSize: 0 is out of range; allowed: 1 to 10000")
                .contains("2 problems in " + file + "; nothing was changed.")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingDefaultFile_exitsTwo_sayingHowToPassOne() {
        CliRun run = CliRun.of("validate", "-f", "does-not-exist.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("does-not-exist.yaml: file not found; pass the platform file with -f");
    }

    @Test
    void unknownOption_exitsTwo_withOneLineNamingItAndTheHelp() {
        CliRun run = CliRun.of("validate", "--flie", "x.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly(
                        "distributary validate: Unknown options: '--flie', 'x.yaml' (see 'distributary validate --help')");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void yamlSyntaxError_exitsTwo_withOneLineForIt_andTheCount(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "name: shop\nregions: [us-east-1\n  foo: : bar\n");

        CliRun run = CliRun.of("validate", "-f", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly(
                        file
                                + ": malformed YAML at line 3, column 6: expected ',' or ']', but got : (while parsing a flow sequence that starts at line 2, column 10)",
                        "1 problem in " + file + "; nothing was changed.");
    }

    @Test
    void regionsGivenAsOneString_isReportedOnce_withoutFollowOns(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("platform.yaml");
        Files.writeString(
                file,
                Files.readString(Path.of("../platform.yaml"))
                        .replace("regions: [us-east-1, eu-west-1, ap-southeast-2]", "regions: us-east-1"));

        CliRun run = CliRun.of("validate", "-f", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly(
                        file + ": regions: must be a list, not the string 'us-east-1'",
                        "1 problem in " + file + "; nothing was changed.");
    }

    @Test
    void json_valid_summarisesThePlatform() throws IOException {
        CliRun run = CliRun.of("validate", "-f", "../platform.yaml", "--format", "json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("platform").asText()).isEqualTo("shop");
        assertThat(json.get("regions")).hasSize(3);
        assertThat(json.get("problems")).isEmpty();
    }

    @Test
    void json_invalid_listsTheProblemsOnStandardOutput_andExitsTwo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "regions: [us-east-1, eu-wst-1]\ntables: []\n");

        CliRun run = CliRun.of("validate", "-f", file.toString(), "--format", "json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.get("problems"))
                .extracting(p -> p.get("path").asText())
                .containsExactly("regions[1]", "tables");
        assertThat(run.err()).contains("2 problems in " + file);
    }
}
