package dev.distributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(run.out()).contains("../platform.yaml is valid: platform 'shop', 3 regions (multi-writer, primary us-east-1), 2 tables, 3 consumers")
                .contains("publish ledger: checkpoint (the default with parallelizationFactor 1: one invocation per shard at a time, so the"
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
        assertThat(run.err()).contains(file + ": regions[1]: 'eu-wst-1' is not an AWS region; did you mean 'eu-west-1'?")
                .contains(file + ": processor.batchSize: 0 is out of range; allowed: 1 to 10000")
                .contains("2 problems in " + file + "; nothing was changed.")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingDefaultFile_exitsTwo_sayingHowToPassOne() {
        CliRun run = CliRun.of("validate", "-f", "does-not-exist.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("does-not-exist.yaml: file not found; pass the platform file with -f");
    }

    @Test
    void unknownOption_exitsTwo_withUsage() {
        CliRun run = CliRun.of("validate", "--flie", "x.yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown options: '--flie'").contains("Usage: distributary validate");
    }
}
