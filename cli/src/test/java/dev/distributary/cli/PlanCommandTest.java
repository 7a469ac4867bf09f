package dev.distributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PlanCommandTest {

    @Test
    void textPlan_showsEveryRegionsReplicasTopicQueuesAndTheResidencyMatrix() {
        CliRun run = CliRun.of("plan", "-f", "../platform.yaml");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Platform shop: multi-writer routing, primary us-east-1, standard fan-out")
                .contains("\nap-southeast-2\n")
                .contains("  table      eu-customers (zone eu, class eu-personal), local changes processed")
                .contains("  table      orders (zone global, class public), local and replicated changes processed")
                .contains("  queue      shop-crm-sync -> DLQ shop-crm-sync-dlq after 5 receives")
                .contains("filter: table orders; events INSERT|MODIFY; origin local")
                .contains("  eu-personal  no         yes        no");
    }

    @Test
    void jsonPlanForOneRegion_listsOnlyItsQueuesAndReplicas() throws Exception {
        CliRun run = CliRun.of("plan", "-f", "../platform.yaml", "--region", "us-east-1", "--format", "json");

        JsonNode plan = new ObjectMapper().readTree(run.out());
        assertThat(plan.get("regions")).hasSize(1);
        JsonNode region = plan.get("regions").get(0);
        assertThat(region.get("region").asText()).isEqualTo("us-east-1");
        assertThat(region.get("replicas")).extracting(r -> r.get("table").asText()).containsExactly("orders");
        assertThat(region.get("queues")).extracting(q -> q.get("consumer").asText()).containsExactly("billing", "order-cache");
        assertThat(plan.get("residency").get(1).get("regions").get("us-east-1").asBoolean()).isFalse();
    }

    @Test
    void primaryRegionPlan_hasAProcessorOnlyInThePrimary() {
        CliRun run = CliRun.of("plan", "-f", "../examples/primary-region.yaml");

        assertThat(run.out()).contains("processor  shop-primary-processor: processes every change and publishes to the topics of [eu-west-1, eu-central-1, us-east-1]")
                .contains("processor  none: the primary eu-west-1 processes every change")
                .contains("table      orders (zone everywhere, class public), changes processed in the primary");
    }

    @Test
    void regionOutsideThePlatform_exitsTwo_listingTheRegions() {
        CliRun run = CliRun.of("plan", "-f", "../platform.yaml", "--region", "us-west-2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("distributary: region 'us-west-2' is not one of the platform's regions [us-east-1, eu-west-1, ap-southeast-2]");
    }

    @Test
    void unknownFormat_exitsTwo_namingTheChoices() {
        CliRun run = CliRun.of("plan", "-f", "../platform.yaml", "--format", "yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--format'").contains("text, json");
    }
}
