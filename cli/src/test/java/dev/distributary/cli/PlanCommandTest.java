package dev.distributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

    @Test
    void textPlan_showsEveryRegionsReplicasTopicQueuesAndTheResidencyMatrix() {
        CliRun run = CliRun.of("plan", "-f", "../platform.yaml");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Platform shop: multi-writer routing, primary us-east-1, standard fan-out")
                .contains("Publish ledger: checkpoint (the default with parallelizationFactor 1")
                .contains("\nap-southeast-2\n")
                .contains("  table      eu-customers (zone eu, class eu-personal), local changes processed")
                .contains("  table      orders (zone global, class public), local and replicated changes processed")
                .contains("  table      inventory (zone global, class public), local changes processed")
                .contains("  queue      shop-dev-crm-sync -> DLQ shop-dev-crm-sync-dlq after 5 receives")
                .contains(
                        "filter: {\"table\":[\"orders\"],\"eventName\":[\"INSERT\",\"MODIFY\"],\"originKind\":[\"local\"]}")
                .contains(
                        "  queue      shop-dev-order-cache -> DLQ shop-dev-order-cache-dlq after 5 receives\n             filter: {\"table\":[\"orders\"]}")
                .contains("  eu-personal  no         yes        no");
    }

    @Test
    void jsonPlanForOneRegion_listsOnlyItsQueuesAndReplicas() throws Exception {
        CliRun run = CliRun.of("plan", "-f", "../platform.yaml", "--region", "us-east-1", "--format", "json");

        JsonNode plan = new ObjectMapper().readTree(run.out());
        assertThat(plan.get("regions")).hasSize(1);
        JsonNode region = plan.get("regions").get(0);
        assertThat(region.get("region").asText()).isEqualTo("us-east-1");
        assertThat(region.get("replicas"))
                .extracting(r -> r.get("table").asText())
                .containsExactly("orders", "inventory");
        assertThat(region.get("queues"))
                .extracting(q -> q.get("consumer").asText())
                .containsExactly("billing", "order-cache", "restock");
        assertThat(region.get("queues").get(0).get("filterPolicy"))
                .isEqualTo(
                        new ObjectMapper()
                                .readTree(
                                        "{\"table\":[\"orders\"],\"eventName\":[\"INSERT\",\"MODIFY\"],\"originKind\":[\"local\"]}"));
        assertThat(plan.get("residency").get(1).get("regions").get("us-east-1").asBoolean())
                .isFalse();
    }

    @Test
    void planOfAnotherEnvironment_namesEveryResourceAsThatEnvironmentsStackDoes() {
        CliRun run = CliRun.of("plan", "-f", "../platform.yaml", "--environment", "prod", "--region", "eu-west-1");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("  processor  shop-prod-processor: processes changes written in eu-west-1")
                .contains("  topic      shop-prod-events")
                .contains("  queue      shop-prod-crm-sync -> DLQ shop-prod-crm-sync-dlq");
    }

    @Test
    void environmentNameThatBreaksTheRule_exitsTwo_sayingTheRule() {
        CliRun run = CliRun.of("plan", "-f", "../platform.yaml", "--environment", "Prod");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--environment: environment name 'Prod' is not valid: 1–12 characters");
    }

    @Test
    void primaryRegionPlan_hasAProcessorOnlyInThePrimary() {
        CliRun run = CliRun.of("plan", "-f", "../examples/primary-region.yaml");

        assertThat(run.out())
                .contains(
                        "processor  shop-primary-dev-processor: processes every change and publishes to the topics of [eu-west-1, eu-central-1, us-east-1]")
                .contains("processor  none: the primary eu-west-1 processes every change")
                .contains("table      orders (zone everywhere, class public), changes processed in the primary");
    }

    @Test
    void regionOutsideThePlatform_exitsTwo_listingTheRegions() {
        CliRun run = CliRun.of("plan", "-f", "../platform.yaml", "--region", "us-west-2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo(
                        "distributary: region 'us-west-2' is not one of the platform's regions [us-east-1, eu-west-1, ap-southeast-2]");
    }

    @Test
    void fifoPlatformWithItemFilters_showsTheirPolicyKeys() {
        CliRun run = CliRun.of("plan", "-f", "../examples/fifo.yaml");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("topic      ledger-dev-events.fifo")
                .contains(
                        "queue      ledger-dev-statements.fifo -> DLQ ledger-dev-statements-dlq.fifo after 5 receives")
                .contains(
                        "filter: {\"table\":[\"accounts\"],\"originKind\":[\"local\"],\"item.kind\":[\"debit\",\"credit\"]}");
    }

    @Test
    void consumerWhosePolicySnsCannotExpress_exitsTwo_sayingWhatToChange(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("platform.yaml");
        Files.writeString(file, """
                regions: [us-east-1]
                tables:
                  - name: orders
                    partitionKey: {name: pk, type: S}
                  - name: invoices
                    partitionKey: {name: pk, type: S}
                fanout:
                  consumers:
                    - name: picky
                      tables: [orders]
                      eventNames: [INSERT]
                      filters: {a: [x], b: [y], c: [z]}
                """);

        CliRun run = CliRun.of("plan", "-f", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("distributary: consumer 'picky': its SNS filter policy needs 6 keys");
    }

    @Test
    void unknownFormat_exitsTwo_namingTheChoices() {
        CliRun run = CliRun.of("plan", "-f", "../platform.yaml", "--format", "yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--format'").contains("text, json");
    }
}
