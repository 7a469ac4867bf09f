package dev.distributary.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.change.Operation;
import org.junit.jupiter.api.Test;

class TopologyLoaderTest {

    @Test
    void shippedPlatform_loads_withThreeRegionsThreeTablesFourConsumers() {
        Topology topology = TopologyLoader.load(Platforms.SHIPPED);

        assertThat(topology.regions()).containsExactly("us-east-1", "eu-west-1", "ap-southeast-2");
        assertThat(topology.routing()).isEqualTo(new Routing(RoutingMode.MULTI_WRITER, "us-east-1"));
        assertThat(topology.tables())
                .extracting(TableSpec::name)
                .containsExactly("orders", "eu-customers", "inventory");
        assertThat(topology.fanout().consumers())
                .extracting(ConsumerSpec::name)
                .containsExactly("billing", "order-cache", "crm-sync", "restock");
        assertThat(topology.fanout().consumers())
                .filteredOn(c -> c.origin() == OriginScope.ANY)
                .hasSize(1);
    }

    @Test
    void shippedPlatform_euCustomers_replicateOnlyInTheEu() {
        Topology topology = TopologyLoader.load(Platforms.SHIPPED);

        assertThat(topology.replicaRegions(topology.requireTable("eu-customers")))
                .containsExactly("eu-west-1");
        assertThat(topology.replicaRegions(topology.requireTable("orders")))
                .containsExactly("us-east-1", "eu-west-1", "ap-southeast-2");
        assertThat(topology.defaultClass(topology.requireTable("eu-customers"))).isEqualTo("eu-personal");
    }

    @Test
    void shippedPlatform_inventory_noRegionWantsItsReplicasButEveryRegionWantsOrders() {
        Topology topology = TopologyLoader.load(Platforms.SHIPPED);

        assertThat(topology.replicaRegions(topology.requireTable("inventory")))
                .containsExactly("us-east-1", "eu-west-1", "ap-southeast-2");
        for (String region : topology.regions()) {
            assertThat(topology.wantsReplicaEvents(region, "inventory"))
                    .as("inventory in " + region)
                    .isFalse();
            assertThat(topology.wantsReplicaEvents(region, "orders"))
                    .as("orders in " + region)
                    .isTrue();
        }
    }

    @Test
    void primaryRegionExample_loads_andOnlyThePrimaryProcesses() {
        Topology topology = TopologyLoader.load(Platforms.PRIMARY_REGION_EXAMPLE);

        assertThat(topology.routing().mode()).isEqualTo(RoutingMode.PRIMARY_REGION);
        assertThat(topology.processingRegions()).containsExactly("eu-west-1");
        assertThat(topology.requireTable("eu-customers").zone()).isEqualTo("eu");
    }

    @Test
    void fifoExample_loads_withDefaultsFilledIn() {
        Topology topology = TopologyLoader.load(Platforms.FIFO_EXAMPLE);

        assertThat(topology.fanout().type()).isEqualTo(FanoutType.FIFO);
        assertThat(topology.routing().primary()).isEqualTo("us-east-1");
        assertThat(topology.residency().defaultClass()).isEqualTo("public");
        ConsumerSpec statements = topology.fanout().consumers().get(0);
        assertThat(statements.regions()).containsExactly("us-east-1", "us-west-2");
        assertThat(statements.eventNames())
                .containsExactly(Operation.INSERT, Operation.MODIFY, Operation.REMOVE, Operation.EXPIRE);
        assertThat(statements.origin()).isEqualTo(OriginScope.LOCAL);
        assertThat(statements.maxReceiveCount()).isEqualTo(ConsumerSpec.DEFAULT_MAX_RECEIVE_COUNT);
        assertThat(topology.requireTable("accounts").stamp()).isEqualTo(OriginStamp.defaults());
        assertThat(topology.processor().batchSize()).isEqualTo(50);
        assertThat(topology.processor().maximumRetryAttempts())
                .isEqualTo(ProcessorSettings.defaults().maximumRetryAttempts());
    }

    @Test
    void consumerWithReplicaScope_makesItsRegionWantReplicaEvents() {
        Topology topology = TopologyLoader.load(Platforms.SHIPPED);

        assertThat(topology.wantsReplicaEvents("ap-southeast-2", "orders")).isTrue();
        assertThat(topology.wantsReplicaEvents("eu-west-1", "eu-customers")).isFalse();
    }
}
