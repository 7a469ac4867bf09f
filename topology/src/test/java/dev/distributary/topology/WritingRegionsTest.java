package dev.distributary.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WritingRegionsTest {

    @Test
    void multiWriter_writingRegions_areEachTablesReplicaRegions() {
        Topology topology = Platforms.parse(Platforms.BASE);

        assertThat(topology.writingRegions(topology.requireTable("orders")))
                .containsExactly("us-east-1", "eu-west-1", "ap-southeast-2");
        assertThat(topology.writingRegions(topology.requireTable("eu-customers")))
                .containsExactly("eu-west-1");
        assertThat(topology.writingRegions()).containsExactly("us-east-1", "eu-west-1", "ap-southeast-2");
    }

    @Test
    void primaryRegion_writingRegions_areThePrimaryOnly() {
        Topology topology = Platforms.parse(Platforms.baseWith(
                "mode: multi-writer\n  primary: us-east-1", "mode: primary-region\n  primary: eu-west-1"));

        assertThat(topology.writingRegions(topology.requireTable("orders"))).containsExactly("eu-west-1");
        assertThat(topology.writingRegions(topology.requireTable("eu-customers")))
                .containsExactly("eu-west-1");
        assertThat(topology.writingRegions()).containsExactly("eu-west-1");
    }

    @Test
    void primaryRegion_tableWithoutAReplicaInThePrimary_hasNoWritingRegion() {
        // The loader refuses this platform; a Topology built by hand can still hold it.
        Topology loaded = Platforms.parse(Platforms.BASE);
        Topology topology = new Topology(
                loaded.name(),
                loaded.regions(),
                new Routing(RoutingMode.PRIMARY_REGION, "us-east-1"),
                loaded.residency(),
                loaded.tables(),
                loaded.processor(),
                loaded.fanout());

        assertThat(topology.writingRegions(topology.requireTable("eu-customers")))
                .isEmpty();
        assertThat(topology.writingRegions(topology.requireTable("orders"))).containsExactly("us-east-1");
        assertThat(topology.writingRegions()).containsExactly("us-east-1");
    }
}
