package dev.distributary.topology;

import java.nio.file.Path;

/** Platform files shared by the tests: the shipped ones, and a small valid base to break. */
final class Platforms {
    static final Path SHIPPED = Path.of("..", "platform.yaml");
    static final Path PRIMARY_REGION_EXAMPLE = Path.of("..", "examples", "primary-region.yaml");
    static final Path FIFO_EXAMPLE = Path.of("..", "examples", "fifo.yaml");

    /** Valid; each validation test changes one thing in it. */
    static final String BASE = """
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
            processor:
              batchSize: 100
            fanout:
              consumers:
                - name: billing
                  tables: [orders]
                  origin: local
                - name: crm-sync
                  regions: [eu-west-1]
                  tables: [eu-customers]
            """;

    private Platforms() {
    }

    static Topology parse(String yaml) {
        return TopologyLoader.parse(yaml, "platform.yaml");
    }

    /** {@link #BASE} with one piece of text replaced; fails loudly when the piece is not there. */
    static String baseWith(String find, String replacement) {
        if (!BASE.contains(find)) {
            throw new IllegalArgumentException("the base platform has no '" + find + "'");
        }
        return BASE.replace(find, replacement);
    }
}
