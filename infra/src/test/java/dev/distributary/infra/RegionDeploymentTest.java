package dev.distributary.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distributary.infra.RegionDeployment.StreamMapping;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import org.junit.jupiter.api.Test;

/** The pure decision of what each region's stack holds. */
class RegionDeploymentTest {
    private static final Topology SHOP = TopologyLoader.load(Stack.PLATFORM);
    private static final Topology PRIMARY = TopologyLoader.load(Stack.PRIMARY_REGION);

    @Test
    void multiWriter_eachRegion_processesTheTablesWithAReplicaThereAndPublishesOnlyLocally() {
        RegionDeployment us = RegionDeployment.of(SHOP, "us-east-1");
        RegionDeployment eu = RegionDeployment.of(SHOP, "eu-west-1");

        assertThat(us.ownsGlobalTables()).isTrue();
        assertThat(eu.ownsGlobalTables()).isFalse();
        assertThat(us.mappings()).extracting(m -> m.table().name()).containsExactly("orders", "inventory");
        assertThat(eu.mappings())
                .extracting(m -> m.table().name())
                .containsExactly("orders", "eu-customers", "inventory");
        assertThat(us.publishRegions()).containsExactly("us-east-1");
        assertThat(eu.publishRegions()).containsExactly("eu-west-1");
    }

    @Test
    void primaryRegion_otherRegions_runNoProcessor() {
        RegionDeployment central = RegionDeployment.of(PRIMARY, "eu-central-1");

        assertThat(central.processes()).isFalse();
        assertThat(central.ownsGlobalTables()).isFalse();
        assertThat(central.mappings()).isEmpty();
        assertThat(central.publishRegions()).isEmpty();
    }

    @Test
    void primaryRegion_primary_publishesWhereConsumersTakeAPermittedTable() {
        RegionDeployment primary = RegionDeployment.of(PRIMARY, "eu-west-1");

        assertThat(primary.processes()).isTrue();
        assertThat(primary.mappings())
                .extracting(StreamMapping::table)
                .extracting(t -> t.name())
                .containsExactly("orders", "eu-customers");
        assertThat(primary.publishRegions()).containsExactly("eu-west-1", "eu-central-1", "us-east-1");
    }

    @Test
    void homeRegion_tableOutsideThePrimarysZone_isTheFirstRegionOfItsZone() {
        assertThat(GlobalTables.homeRegion(SHOP, SHOP.requireTable("orders"), "us-east-1"))
                .isEqualTo("us-east-1");
        assertThat(GlobalTables.homeRegion(SHOP, SHOP.requireTable("eu-customers"), "us-east-1"))
                .isEqualTo("eu-west-1");
    }

    @Test
    void regionOutsideThePlatform_isRefusedWithThePlatformsRegions() {
        assertThatThrownBy(() -> RegionDeployment.of(SHOP, "us-west-2"))
                .hasMessage(
                        "region 'us-west-2' is not one of the platform's regions [us-east-1, eu-west-1, ap-southeast-2]");
    }
}
