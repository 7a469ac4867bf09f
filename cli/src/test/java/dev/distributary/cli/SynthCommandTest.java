package dev.distributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {

    @Test
    void textSynth_euWest1_listsEachComponentsResourcesWithTheirInputs() {
        CliRun run = CliRun.of("synth", "-f", "../platform.yaml", "--region", "eu-west-1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith(
                        "Stack dev-eu-west-1 of platform shop in eu-west-1: 46 resources in 3 components (multi-writer routing, primary us-east-1)")
                .contains(
                        "\nfanout (distributary:infra:RegionalFanout)\n  aws:sns/topic:Topic  shop-dev-events\n      kmsMasterKeyId: alias/aws/sns\n")
                .contains("  aws:lambda/function:Function  shop-dev-processor\n")
                .contains("      handler: dev.distributary.processor.RegionalProcessorHandler::handleRequest\n")
                .contains("  aws:lambda/eventSourceMapping:EventSourceMapping  shop-dev-processor-eu-customers\n")
                .contains("      filterPolicy: {\"table\":[\"eu-customers\"],\"originKind\":[\"local\"]}\n")
                .contains("  aws:lambda/eventSourceMapping:EventSourceMapping  shop-dev-processor-inventory\n")
                .contains("      filterPolicy: {\"table\":[\"inventory\"],\"originKind\":[\"local\"]}\n")
                .contains("   10  aws:cloudwatch/metricAlarm:MetricAlarm\n")
                .doesNotContain("global-tables");
        assertThat(run.out().indexOf("\nfanout ("))
                .isLessThan(run.out().indexOf("\nprocessor ("))
                .isLessThan(run.out().indexOf("\nobservability ("));
    }

    @Test
    void jsonSynth_primaryStack_hasTheGlobalTablesAndTheOtherRegionsProviders() throws Exception {
        CliRun run = CliRun.of(
                "synth",
                "-f",
                "../platform.yaml",
                "--region",
                "us-east-1",
                "--environment",
                "prod",
                "--format",
                "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode synth = new ObjectMapper().readTree(run.out());
        assertThat(synth.get("stack").asText()).isEqualTo("prod-us-east-1");
        assertThat(synth.get("counts")
                        .get("aws:dynamodb/tableReplica:TableReplica")
                        .asInt())
                .isEqualTo(4);
        List<String> names = new ArrayList<>();
        synth.get("resources")
                .forEach(r ->
                        names.add(r.get("type").asText() + " " + r.get("name").asText()));
        assertThat(names)
                .contains(
                        "aws:dynamodb/table:Table orders",
                        "aws:dynamodb/table:Table eu-customers",
                        "aws:dynamodb/table:Table inventory",
                        "aws:dynamodb/tableReplica:TableReplica inventory-ap-southeast-2",
                        "aws:sqs/queue:Queue shop-prod-billing",
                        "pulumi:providers:aws aws-eu-west-1");
        JsonNode euCustomers = find(synth, "eu-customers");
        assertThat(euCustomers.get("parent").asText()).isEqualTo("global-tables");
        assertThat(euCustomers.get("provider").asText()).isEqualTo("aws-eu-west-1");
        assertThat(euCustomers.get("inputs").get("streamViewType").asText()).isEqualTo("NEW_AND_OLD_IMAGES");
    }

    @Test
    void synthOfANonPrimaryRegion_primaryRegionMode_hasNoProcessor() {
        CliRun run = CliRun.of("synth", "-f", "../examples/primary-region.yaml", "--region", "us-east-1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("    1  aws:sns/topic:Topic\n")
                .doesNotContain("aws:lambda/")
                .doesNotContain("processor (");
    }

    @Test
    void platformBreakingResidency_exitsTwo_namingTableClassAndRegion(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("platform.yaml");
        String shipped = Files.readString(Path.of("../platform.yaml"));
        String euZone = "    zone: eu                  # replicas only in the EU\n";
        assertThat(shipped).contains(euZone);
        Files.writeString(file, shipped.replace(euZone, "    zone: global\n"));

        CliRun run = CliRun.of("synth", "-f", file.toString(), "--region", "eu-west-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .contains(
                        "tables[1].dataClass: residency: table 'eu-customers' would replicate class 'eu-personal' to us-east-1");
    }

    @Test
    void regionOutsideThePlatform_exitsTwo_listingTheRegions() {
        CliRun run = CliRun.of("synth", "-f", "../platform.yaml", "--region", "us-west-2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo(
                        "distributary: region 'us-west-2' is not one of the platform's regions [us-east-1, eu-west-1, ap-southeast-2]");
    }

    @Test
    void invalidEnvironmentName_exitsTwo_sayingWhatIsAllowed() {
        CliRun run = CliRun.of("synth", "-f", "../platform.yaml", "--region", "eu-west-1", "--environment", "Prod!");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("distributary: ")
                .contains("environment name")
                .contains("distributary:environment");
    }

    private static JsonNode find(JsonNode synth, String name) {
        for (JsonNode resource : synth.get("resources")) {
            if (resource.get("name").asText().equals(name)) {
                return resource;
            }
        }
        throw new AssertionError("no resource " + name);
    }
}
