package dev.distributary.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.test.PulumiTest;
import dev.distributary.topology.ConsumerSpec;
import dev.distributary.topology.FanoutSpec;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A platform that would break residency is refused before any resource is declared. The loader
 * refuses such a file already (StackConfigTest shows the message); the program checks again,
 * for a topology that reaches it another way, and these tests build one that the loader never saw.
 */
class ResidencyRefusalTest {

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void replicaOutsideTheClassZone_anyRegion_failsNamingTableClassAndRegionAndDeclaresNothing() throws IOException {
        Topology shop = TopologyLoader.load(Stack.PLATFORM);
        List<TableSpec> tables = shop.tables().stream()
                .map(t -> t.name().equals("eu-customers")
                        ? new TableSpec(
                                t.name(),
                                t.partitionKey(),
                                t.sortKey(),
                                "global",
                                t.dataClass(),
                                t.entityTypeAttribute(),
                                t.stamp())
                        : t)
                .toList();
        // Without its consumer, whose route would be a second violation.
        FanoutSpec fanout = new FanoutSpec(
                shop.fanout().type(),
                shop.fanout().consumers().stream()
                        .filter(c -> !c.name().equals("crm-sync"))
                        .toList());
        Topology everywhere = new Topology(
                shop.name(), shop.regions(), shop.routing(), shop.residency(), tables, shop.processor(), fanout);

        for (String region : everywhere.regions()) {
            Stack stack = Stack.run(settings(everywhere, region));

            assertThat(stack.resources()).as("nothing declared in " + region).isEmpty();
            assertThat(stack.calls()).isEmpty();
            assertThat(stack.result().exceptions())
                    .last()
                    .isInstanceOfSatisfying(ResidencyRefusedException.class, refused -> {
                        assertThat(refused.violations())
                                .extracting(v -> v.table() + "/" + v.dataClass() + "/" + v.region())
                                .containsExactly("eu-customers/eu-personal/us-east-1");
                        assertThat(refused.getMessage())
                                .startsWith(
                                        "refusing to deploy: the platform would break its residency policy; nothing was declared")
                                .contains(
                                        "platform.yaml: tables[1].dataClass: table 'eu-customers', class 'eu-personal', region us-east-1: "
                                                + "table 'eu-customers' would replicate class 'eu-personal' to us-east-1");
                    });
        }
    }

    @Test
    void consumerRouteOutsideTheClassZone_primaryRegionMode_isRefused() throws IOException {
        Topology primary = TopologyLoader.load(Stack.PRIMARY_REGION);
        List<ConsumerSpec> consumers = primary.fanout().consumers().stream()
                .map(c -> c.name().equals("crm-sync")
                        ? new ConsumerSpec(
                                c.name(),
                                List.of("eu-west-1", "us-east-1"),
                                c.tables(),
                                c.eventNames(),
                                c.origin(),
                                c.filters(),
                                c.maxReceiveCount(),
                                c.visibilityTimeoutSeconds())
                        : c)
                .toList();
        Topology leaking = new Topology(
                primary.name(),
                primary.regions(),
                primary.routing(),
                primary.residency(),
                primary.tables(),
                primary.processor(),
                new FanoutSpec(primary.fanout().type(), consumers));

        Stack stack = Stack.run(settings(leaking, "eu-west-1"));

        assertThat(stack.resources()).isEmpty();
        assertThat(stack.result().exceptions())
                .last()
                .isInstanceOfSatisfying(
                        ResidencyRefusedException.class,
                        refused -> assertThat(refused.getMessage())
                                .contains(
                                        "fanout.consumers[2].regions: table 'eu-customers', class 'eu-personal', region us-east-1: "
                                                + "consumer 'crm-sync' would receive table 'eu-customers'"));
    }

    private static StackSettings settings(Topology topology, String region) throws IOException {
        return new StackSettings(
                region,
                "platform.yaml",
                topology,
                Files.readString(Stack.PLATFORM),
                "test",
                Stack.JAR,
                Optional.empty(),
                Optional.empty());
    }
}
