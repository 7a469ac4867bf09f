package dev.distributary.fanout;

import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.nio.file.Path;

/** Platforms for the tests: the shipped files, and a three-region one with item filters. */
public final class Platforms {
    public static final Path SHIPPED = Path.of("..", "platform.yaml");
    public static final Path FIFO_EXAMPLE = Path.of("..", "examples", "fifo.yaml");

    /**
     * Three regions; {@code orders} everywhere, {@code eu-customers} only in eu-west-1; consumers
     * with every kind of subscription: event names, origin local and any, item filters.
     */
    public static final String MATRIX = """
            name: matrix
            regions: [us-east-1, eu-west-1, ap-southeast-2]
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
            fanout:
              consumers:
                - name: billing
                  tables: [orders]
                  eventNames: [INSERT, MODIFY]
                  origin: local
                - name: order-cache
                  tables: [orders]
                  origin: any
                - name: crm-sync
                  regions: [eu-west-1]
                  tables: [eu-customers]
                  origin: local
                - name: paid-orders
                  regions: [us-east-1, ap-southeast-2]
                  tables: [orders]
                  eventNames: [INSERT, MODIFY]
                  origin: any
                  filters:
                    status: [PAID, SHIPPED]
                    priority: ["1"]
            """;

    private Platforms() {
    }

    public static Topology shipped() {
        return TopologyLoader.load(SHIPPED);
    }

    public static Topology fifo() {
        return TopologyLoader.load(FIFO_EXAMPLE);
    }

    public static Topology matrix() {
        return parse(MATRIX);
    }

    public static Topology parse(String yaml) {
        return TopologyLoader.parse(yaml, "test.yaml");
    }
}
