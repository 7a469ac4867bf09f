package dev.distributary.topology;

import java.nio.file.Path;

/**
 * Platform files for the tests of every module (topology's test-jar): the shipped ones, and small
 * three-region platforms that share their regions, residency and tables — {@code orders} everywhere,
 * {@code eu-customers} in eu-west-1 only — and differ in their consumers.
 */
public final class Platforms {
    public static final Path SHIPPED = Path.of("..", "platform.yaml");
    public static final Path PRIMARY_REGION_EXAMPLE = Path.of("..", "examples", "primary-region.yaml");
    public static final Path FIFO_EXAMPLE = Path.of("..", "examples", "fifo.yaml");

    /** What every platform below shares; its table list is the last section, so a platform can add tables. */
    private static final String REGIONS_AND_TABLES = """
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
            """;

    /** Valid; each validation test changes one thing in it ({@link #baseWith}). */
    public static final String BASE = "name: shop\n" + REGIONS_AND_TABLES + """
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

    /** Consumers with every kind of subscription: event names, origin local and any, item filters. */
    public static final String MATRIX = "name: matrix\n" + REGIONS_AND_TABLES + """
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

    /**
     * A third, global table, {@code ledger}, with its own stamp attribute names; consumers that take
     * local changes only, except {@code cache} in ap-southeast-2.
     */
    public static final String OWN_STAMPS = "name: shop\n" + REGIONS_AND_TABLES + """
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

    private Platforms() {}

    /** The platform.yaml shipped at the project's root. */
    public static Topology shipped() {
        return TopologyLoader.load(SHIPPED);
    }

    public static Topology fifo() {
        return TopologyLoader.load(FIFO_EXAMPLE);
    }

    public static Topology matrix() {
        return parse(MATRIX);
    }

    public static Topology ownStamps() {
        return parse(OWN_STAMPS);
    }

    public static Topology parse(String yaml) {
        return TopologyLoader.parse(yaml, "platform.yaml");
    }

    /** {@link #BASE} with one piece of text replaced; fails loudly when the piece is not there. */
    public static String baseWith(String find, String replacement) {
        if (!BASE.contains(find)) {
            throw new IllegalArgumentException("the base platform has no '" + find + "'");
        }
        return BASE.replace(find, replacement);
    }
}
