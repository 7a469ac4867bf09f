package dev.distributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostCommandTest {

    @Test
    void shippedPlatform_printsEveryComponentForAllThreeDesigns_theVerdict_andTheCheapestWithItsReason() {
        CliRun run = CliRun.of("cost", "-f", "../platform.yaml", "--writes-per-second", "100");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains(
                        "Cost of platform shop at 100 writes/s of 1 KB items (envelopes of about 3 KB), standard fan-out, us-east-1 prices checked 2026-12-02")
                .contains(
                        "component            unit              Distributary      naive      Pipes Distributary      naive      Pipes Distributary      naive      Pipes")
                .contains(
                        "table writes         WRU                     1.0000     1.0000     1.0000        0.625      0.625      0.625       162.00     162.00     162.00")
                .contains(
                        "idempotency writes   WRU                     0.2800     0.0000     0.0000        0.175      0.000      0.000        45.36       0.00       0.00")
                .contains(
                        "EventBridge Pipes    pipe requests           0.0000     0.0000     1.6667        0.000      0.000      0.667         0.00       0.00     172.80")
                .contains(
                        "replicated writes",
                        "stream reads",
                        "Lambda requests",
                        "Lambda duration",
                        "idempotency reads",
                        "SNS  ",
                        "SNS body filtering",
                        "SQS  ",
                        "CloudWatch Logs",
                        "total")
                .contains("less per million events than the naive design (the target is at least 25% less: met)")
                .contains(
                        "Cheapest: Distributary ($3.098 per million events), then EventBridge Pipes ($4.715), then naive ($4.802).")
                .contains(
                        "Distributary costs 34.3% less per million events than EventBridge Pipes ($3.098 against $4.715): it pays less for SNS body filtering")
                .contains("What a pipe cannot do, not priced: publish once")
                .contains("Publish ledger: checkpoint.")
                .contains("Lambda duration is modelled, not measured")
                .contains("spread evenly over the 3 tables and over each table's writing regions");
    }

    @Test
    void fifoFanout_saysWhyThePipesDesignIsNotPriced_andComparesTheOtherTwo() {
        CliRun run = CliRun.of("cost", "-f", "../examples/fifo.yaml", "--writes-per-second", "100");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("component            unit              Distributary      naive Distributary      naive")
                .contains("EventBridge Pipes: not priced; a pipe cannot target an SNS FIFO topic")
                .contains("Cheapest: Distributary")
                .doesNotContain("What a pipe cannot do");
    }

    @Test
    void largeItems_sayTheEnvelopeSizeAndTheKeysOnlyDegrade() {
        CliRun forty = CliRun.of("cost", "-f", "../platform.yaml", "--writes-per-second", "100", "--item-kb", "40");
        CliRun huge = CliRun.of("cost", "-f", "../platform.yaml", "--writes-per-second", "100", "--item-kb", "300");

        assertThat(forty.exitCode()).isZero();
        assertThat(forty.out())
                .contains("40 KB items (envelopes of about 81 KB)")
                .doesNotContain("keys only");
        assertThat(huge.exitCode()).isZero();
        assertThat(huge.out())
                .contains("300 KB items (keys-only envelopes of about 1 KB)")
                .contains("exceed SNS's 256 KB, so they are published with the keys only");
    }

    @Test
    void zeroWritesPerSecond_exitsTwo_withOneLine() {
        CliRun run = CliRun.of("cost", "-f", "../platform.yaml", "--writes-per-second", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip())
                .isEqualTo(
                        "distributary: --writes-per-second must be a number greater than 0 and at most 10000000 (ten million), not 0");
    }

    @Test
    void hugeWritesPerSecond_isAnInputError_notACrash() {
        CliRun run = CliRun.of("cost", "-f", "../platform.yaml", "--writes-per-second", "1e308");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines())
                .containsExactly(
                        "distributary: --writes-per-second must be a number greater than 0 and at most 10000000 (ten million), not 1.0E308");
    }

    @Test
    void highestRate_keepsEveryColumnAligned() {
        CliRun run = CliRun.of("cost", "-f", "../platform.yaml", "--writes-per-second", "10000000");

        assertThat(run.exitCode()).isZero();
        List<String> table = run.out()
                .lines()
                .dropWhile(line -> !line.startsWith("component"))
                .takeWhile(line -> !line.isEmpty())
                .toList();
        assertThat(table).hasSize(2 + dev.distributary.cost.Component.values().length);
        assertThat(table).allSatisfy(line -> assertThat(line).hasSameSizeAs(table.get(0)));
        assertThat(table.get(table.size() - 1))
                .startsWith("total")
                .endsWith("71,878,594.96 121,761,387.55 119,338,249.22");
    }

    @Test
    void tinyRate_isPrintedAsGiven_notRoundedToZero() {
        CliRun run = CliRun.of("cost", "-f", "../platform.yaml", "--writes-per-second", "0.0000001");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Cost of platform shop at 0.0000001 writes/s of 1 KB items");
    }

    @Test
    void json_hasEveryComponentForAllThreeDesigns_theTotals_theVerdict_andTheCheapest() throws IOException {
        CliRun run = CliRun.of("cost", "-f", "../platform.yaml", "--writes-per-second", "100", "--format", "json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(run.exitCode()).isZero();
        assertThat(json.get("writesPerSecond").asDouble()).isEqualTo(100);
        assertThat(json.get("components"))
                .extracting(c -> c.get("component").asText())
                .containsExactly(
                        "table writes",
                        "replicated writes",
                        "stream reads",
                        "Lambda requests",
                        "Lambda duration",
                        "EventBridge Pipes",
                        "idempotency writes",
                        "idempotency reads",
                        "SNS",
                        "SNS body filtering",
                        "SQS",
                        "CloudWatch Logs");
        assertThat(json.at("/components/0/distributary/usdPerMonth").asDouble()).isEqualTo(162.0);
        assertThat(json.at("/components/6/naive/unitsPerEvent").asDouble()).isZero();
        assertThat(json.at("/components/5/pipes/unitsPerEvent").asDouble())
                .isCloseTo(5.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        for (String design : List.of("distributary", "naive", "pipes")) {
            double sum = 0;
            for (JsonNode component : json.get("components")) {
                sum += component.at("/" + design + "/usdPerMillionEvents").asDouble();
            }
            assertThat(json.at("/total/" + design + "/usdPerMillionEvents").asDouble())
                    .as(design)
                    .isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(json.at("/verdict/targetMet").asBoolean()).isTrue();
        assertThat(json.at("/verdict/savingPercent").asDouble())
                .isCloseTo(35.47, org.assertj.core.data.Offset.offset(0.01));
        assertThat(json.at("/cheapest/design").asText()).isEqualTo("distributary");
        assertThat(json.at("/cheapest/order"))
                .extracting(r -> r.get("design").asText())
                .containsExactly("distributary", "pipes", "naive");
        assertThat(json.at("/cheapest/reason").asText()).startsWith("Cheapest: Distributary");
        assertThat(json.at("/versusPipes/savingPercent").asDouble())
                .isCloseTo(34.29, org.assertj.core.data.Offset.offset(0.01));
        assertThat(json.get("notPriced")).isEmpty();
        assertThat(json.at("/prices/region").asText()).isEqualTo("us-east-1");
    }

    @Test
    void json_forAFifoPlatform_hasNullPipesFigures_andSaysWhyTheyAreNotPriced() throws IOException {
        CliRun run = CliRun.of("cost", "-f", "../examples/fifo.yaml", "--writes-per-second", "100", "--format", "json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.at("/components/0/pipes").isNull()).isTrue();
        assertThat(json.at("/total/pipes").isNull()).isTrue();
        assertThat(json.get("versusPipes").isNull()).isTrue();
        assertThat(json.at("/notPriced/0/design").asText()).isEqualTo("pipes");
        assertThat(json.at("/notPriced/0/reason").asText()).contains("SNS FIFO topic");
    }

    @Test
    void itemOver400Kb_exitsTwo_namingDynamoDbsLimit() {
        CliRun run = CliRun.of("cost", "-f", "../platform.yaml", "--writes-per-second", "10", "--item-kb", "401");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo(
                        "distributary: --item-kb must be greater than 0 and at most 400 (DynamoDB's item size limit), not 401");
    }

    @Test
    void negativeItemSize_exitsTwo() {
        CliRun run = CliRun.of("cost", "-f", "../platform.yaml", "--writes-per-second", "10", "--item-kb", "-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("distributary: --item-kb must be greater than 0");
    }

    @Test
    void missingOrNonNumericRate_exitsTwo_withPicocliUsageError_andNoStackTrace() {
        CliRun missing = CliRun.of("cost", "-f", "../platform.yaml");
        CliRun text = CliRun.of("cost", "-f", "../platform.yaml", "--writes-per-second", "lots");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err())
                .contains("Missing required option: '--writes-per-second=W'")
                .doesNotContain("\tat ");
        assertThat(text.exitCode()).isEqualTo(2);
        assertThat(text.err())
                .contains("Invalid value for option '--writes-per-second'")
                .doesNotContain("\tat ");
    }

    @Test
    void invalidPlatformFile_exitsTwo_withItsProblems(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("platform.yaml");
        Files.writeString(file, "regions: [us-east-1]\ntables: []\n");

        CliRun run = CliRun.of("cost", "-f", file.toString(), "--writes-per-second", "10");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .contains(file.toString())
                .contains("nothing was changed")
                .doesNotContain("\tat ");
    }

    @Test
    void help_listsTheCostCommand() {
        CliRun run = CliRun.of("--help");

        assertThat(run.out()).contains("cost");
    }
}
