package dev.distributary.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CostPriceTableTest {

    private static PriceTable parse(String yaml) {
        return PriceTable.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    @Test
    void shippedTable_everyEntryHasUnitSourceAndTheDateItWasChecked() {
        PriceTable table = PriceTable.load();

        assertThat(table.region()).isEqualTo("us-east-1");
        assertThat(table.prices().keySet()).containsAll(PriceTable.REQUIRED_PRICES);
        assertThat(table.assumptions().keySet()).containsAll(PriceTable.REQUIRED_ASSUMPTIONS);
        assertThat(table.all()).allSatisfy(price -> {
            assertThat(price.unit()).isNotBlank();
            assertThat(price.source()).isNotBlank();
            assertThat(price.checked()).isBetween(LocalDate.of(2026, 11, 26), table.checked());
        });
        assertThat(table.price("dynamodb.write-request-unit").value()).isEqualTo(0.000000625);
        assertThat(table.price("dynamodb.replicated-write-request-unit").verified())
                .isTrue();
        assertThat(table.price("lambda.arm64-gb-second").verified()).isFalse();
    }

    @Test
    void shippedTable_pipesPrices_restOnThirdPartyCopies_whileTheRulesTheyFollowAreAwsOwn() {
        PriceTable table = PriceTable.load();

        assertThat(table.price("pipes.request").value()).isEqualTo(0.0000004);
        assertThat(table.price("pipes.request").verified()).isFalse();
        assertThat(table.price("pipes.request").source())
                .contains("docs.aws.amazon.com/eventbridge/latest/userguide/pipes-concepts.html");
        assertThat(table.price("sns.standard.payload-filtering-gb").verified()).isFalse();
        assertThat(table.price("dynamodb.stream-read-request-unit").source()).contains("CostOptimization_StreamsUsage");
        assertThat(table.assumption("pipes.stream-polls-per-second").verified()).isTrue();
    }

    @Test
    void shippedTable_citesPublicPagesOrFilesOfTheRepository_neverAPathOnSomeonesMachine() {
        java.util.regex.Pattern absolutePath = java.util.regex.Pattern.compile("(^|[\\s(\"'])/[A-Za-z]");
        java.util.regex.Pattern repositoryFile =
                java.util.regex.Pattern.compile("(?<![/\\w.])((?:docs|cli|benchmarks)/[\\w./-]+\\.\\w+)");

        assertThat(PriceTable.load().all()).allSatisfy(price -> {
            assertThat(absolutePath.matcher(price.source()).find())
                    .as(price.name() + ": " + price.source())
                    .isFalse();
            repositoryFile
                    .matcher(price.source())
                    .results()
                    .forEach(file -> assertThat(java.nio.file.Path.of("..", file.group(1)))
                            .as(price.name())
                            .exists());
        });
    }

    @Test
    void entryWithoutSource_isRefused_namingTheEntryAndTheField() {
        String yaml = shippedYaml().replaceFirst("(?m)^    source: .*\\n", "");

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(PriceTableException.class)
                .hasMessage("price table test.yaml: prices.dynamodb.write-request-unit.source is missing or blank");
    }

    @Test
    void entryWithABadDate_isRefused_sayingTheFormat() {
        String yaml = shippedYaml().replaceFirst("(?m)^    checked: 2026-11-26$", "    checked: last week");

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(PriceTableException.class)
                .hasMessage(
                        "price table test.yaml: prices.dynamodb.write-request-unit.checked must be a date (YYYY-MM-DD), not 'last week'");
    }

    @Test
    void missingPrice_isRefused_listingWhatIsMissing() {
        String yaml = shippedYaml().replace("  lambda.request:", "  lambda.requests:");

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(PriceTableException.class)
                .hasMessageContaining("lacks prices.lambda.request");
    }

    @Test
    void negativePrice_isRefused() {
        String yaml = shippedYaml()
                .replace("  lambda.request:\n    usd: 0.0000002\n", "  lambda.request:\n    usd: -0.0000002\n");

        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(PriceTableException.class)
                .hasMessageContaining("prices.lambda.request")
                .hasMessageContaining("finite number >= 0");
    }

    @Test
    void textThatIsNotYaml_isRefused_withItsLine() {
        assertThatThrownBy(() -> parse("region: us-east-1\nprices: [\n"))
                .isInstanceOf(PriceTableException.class)
                .hasMessageStartingWith("price table test.yaml is not valid YAML at line");
    }

    @Test
    void missingResource_isRefused_namingIt() {
        assertThatThrownBy(() -> PriceTable.load("nowhere.yaml"))
                .isInstanceOf(PriceTableException.class)
                .hasMessage("price table nowhere.yaml is not on the class path");
    }

    private static String shippedYaml() {
        try (var in = PriceTable.class.getResourceAsStream(PriceTable.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
