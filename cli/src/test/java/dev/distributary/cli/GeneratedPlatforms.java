package dev.distributary.cli;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Valid platform files drawn with jqwik: one to three regions, either routing mode, one or two
 * tables (some in a one-region zone with their own data class), up to three consumers on the
 * tables' regions with any origin and event names, standard or FIFO fan-out, and processor
 * settings across their ranges.
 */
final class GeneratedPlatforms {
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2", "eu-central-1");
    private static final List<String> EVENTS = List.of("INSERT", "MODIFY", "REMOVE", "EXPIRE");

    private GeneratedPlatforms() {}

    record TableShape(boolean numericKey, boolean sortKey, boolean restricted) {}

    record ConsumerShape(int table, boolean any, int regionMask, int eventMask) {}

    record Shape(
            String name,
            List<String> regions,
            boolean primaryRegion,
            boolean restrictedZone,
            boolean fifo,
            int batchSize,
            int factor,
            List<TableShape> tables,
            List<ConsumerShape> consumers) {}

    /** Platform files, as text. */
    static Arbitrary<String> platforms() {
        return shapes().map(GeneratedPlatforms::yaml);
    }

    static Arbitrary<Shape> shapes() {
        Arbitrary<TableShape> table = Combinators.combine(
                        Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(TableShape::new);
        Arbitrary<ConsumerShape> consumer = Combinators.combine(
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(1, 15),
                        Arbitraries.integers().between(1, 15))
                .as(ConsumerShape::new);
        Arbitrary<List<String>> regions =
                Arbitraries.of(REGIONS).list().uniqueElements().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .ofMinLength(1)
                                .ofMaxLength(8),
                        regions,
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(1, 1_000),
                        Arbitraries.integers().between(1, 3),
                        Combinators.combine(
                                        table.list().ofMinSize(1).ofMaxSize(2),
                                        consumer.list().ofMaxSize(3))
                                .as(List::of))
                .as((name, rs, primary, restricted, fifo, batch, factor, parts) -> {
                    @SuppressWarnings("unchecked")
                    List<TableShape> tables = (List<TableShape>) parts.get(0);
                    @SuppressWarnings("unchecked")
                    List<ConsumerShape> consumers = (List<ConsumerShape>) parts.get(1);
                    return new Shape("g" + name, rs, primary, restricted, fifo, batch, factor, tables, consumers);
                });
    }

    /** The platform file of a shape; valid by construction (consumers only where their table has replicas its class may reach). */
    static String yaml(Shape shape) {
        List<String> regions = shape.regions();
        boolean restrictedZone = shape.restrictedZone() && regions.size() > 1;
        StringBuilder yaml = new StringBuilder("name: ").append(shape.name()).append('\n');
        yaml.append("regions: ").append(regions).append('\n');
        yaml.append("routing:\n  mode: ")
                .append(shape.primaryRegion() ? "primary-region" : "multi-writer")
                .append("\n  primary: ")
                .append(regions.get(0))
                .append('\n');
        if (restrictedZone) {
            yaml.append("residency:\n  defaultClass: public\n  zones:\n    all: ")
                    .append(regions)
                    .append("\n    first: [")
                    .append(regions.get(0))
                    .append("]\n  classes:\n    public: all\n    restricted: first\n");
        }
        yaml.append("tables:\n");
        List<List<String>> tableRegions = new ArrayList<>();
        for (int i = 0; i < shape.tables().size(); i++) {
            TableShape table = shape.tables().get(i);
            boolean restricted = restrictedZone && table.restricted();
            yaml.append("  - name: table-").append(i).append('\n');
            yaml.append("    partitionKey: {name: ")
                    .append(table.numericKey() ? "id" : "pk")
                    .append(", type: ")
                    .append(table.numericKey() ? "N" : "S")
                    .append("}\n");
            if (table.sortKey()) {
                yaml.append("    sortKey: {name: sk, type: S}\n");
            }
            if (restrictedZone) {
                yaml.append("    zone: ").append(restricted ? "first" : "all").append('\n');
                if (restricted) {
                    yaml.append("    dataClass: restricted\n");
                }
            }
            tableRegions.add(restricted ? List.of(regions.get(0)) : regions);
        }
        yaml.append("processor:\n  batchSize: ")
                .append(shape.batchSize())
                .append("\n  parallelizationFactor: ")
                .append(shape.factor())
                .append('\n');
        yaml.append("fanout:\n  type: ")
                .append(shape.fifo() ? "fifo" : "standard")
                .append("\n  consumers:");
        if (shape.consumers().isEmpty()) {
            yaml.append(" []");
        }
        yaml.append('\n');
        for (int i = 0; i < shape.consumers().size(); i++) {
            ConsumerShape consumer = shape.consumers().get(i);
            int table = consumer.table() % shape.tables().size();
            List<String> allowed = tableRegions.get(table);
            List<String> chosen = new ArrayList<>();
            for (int r = 0; r < allowed.size(); r++) {
                if ((consumer.regionMask() & (1 << r)) != 0) {
                    chosen.add(allowed.get(r));
                }
            }
            if (chosen.isEmpty()) {
                chosen.add(allowed.get(0));
            }
            List<String> events = new ArrayList<>();
            for (int e = 0; e < EVENTS.size(); e++) {
                if ((consumer.eventMask() & (1 << e)) != 0) {
                    events.add(EVENTS.get(e));
                }
            }
            yaml.append("    - name: consumer-")
                    .append(i)
                    .append("\n      regions: ")
                    .append(chosen)
                    .append("\n      tables: [table-")
                    .append(table)
                    .append("]\n      eventNames: ")
                    .append(events)
                    .append("\n      origin: ")
                    .append(consumer.any() ? "any" : "local")
                    .append('\n');
        }
        return yaml.toString();
    }
}
