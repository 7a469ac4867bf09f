package dev.distributary.replication;

import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.nio.file.Path;

/** Platforms for the tests. */
public final class TestPlatforms {
    /**
     * Three regions; {@code orders} everywhere, {@code eu-customers} in the EU only, {@code ledger} with
     * its own stamp names; consumers that take local changes only, except {@code cache} in ap-southeast-2.
     */
    public static final String SHOP_YAML = """
            name: shop
            regions: [us-east-1, eu-west-1, ap-southeast-2]
            routing:
              mode: multi-writer
              primary: us-east-1
            residency:
              attribute: dataClass
              defaultClass: public
              zones:
                global: [us-east-1, eu-west-1, ap-southeast-2]
                eu: [eu-west-1]
              classes:
                public: global
                eu-personal: eu
            tables:
              - name: orders
                partitionKey: {name: pk, type: S}
                sortKey: {name: sk, type: S}
                zone: global
              - name: eu-customers
                partitionKey: {name: customerId, type: S}
                zone: eu
                dataClass: eu-personal
              - name: ledger
                partitionKey: {name: id, type: S}
                zone: global
                stamp:
                  originAttribute: writtenIn
                  writeTimeAttribute: writtenAtMs
                  deletedAttribute: gone
                  ttlAttribute: purgeAt
                  tombstoneTtlSeconds: 3600
            fanout:
              consumers:
                - name: billing
                  tables: [orders, ledger]
                  origin: local
                - name: crm-sync
                  regions: [eu-west-1]
                  tables: [eu-customers]
                  origin: local
                - name: cache
                  regions: [ap-southeast-2]
                  tables: [orders]
                  origin: any
            """;

    public static final Topology SHOP = TopologyLoader.parse(SHOP_YAML, "platform.yaml");

    private TestPlatforms() {
    }

    /** The platform.yaml shipped at the project's root. */
    public static Topology shipped() {
        return TopologyLoader.load(Path.of("..", "platform.yaml"));
    }
}
