package dev.distributary.topology.internal;

import dev.distributary.topology.KeyAttribute;
import dev.distributary.topology.KeyType;
import dev.distributary.topology.Names;
import dev.distributary.topology.OriginStamp;
import dev.distributary.topology.ResidencyPolicy;
import dev.distributary.topology.Suggestions;
import dev.distributary.topology.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads {@code tables}: names, keys, zone, default class and origin-stamp attributes. */
final class TablesReader {
    static final Set<String> TABLE_KEYS =
            Set.of("name", "partitionKey", "sortKey", "zone", "dataClass", "entityTypeAttribute", "stamp");
    static final Set<String> KEY_KEYS = Set.of("name", "type");
    static final Set<String> STAMP_KEYS =
            Set.of("originAttribute", "writeTimeAttribute", "deletedAttribute", "ttlAttribute", "tombstoneTtlSeconds");

    /** Null when the residency section could not be read; zone and class checks are then skipped. */
    private final ResidencyPolicy residency;
    /** Every table name the file declares, valid table or not, so that references to it do not cascade into more errors. */
    private final List<String> declaredNames = new ArrayList<>();

    TablesReader(ResidencyPolicy residency) {
        this.residency = residency;
    }

    List<TableSpec> read(YamlNode node) {
        if (!node.isPresent()) {
            node.problem("is required: list at least one table, with its name and partitionKey");
            return List.of();
        }
        List<YamlNode> elements = node.elements();
        if (elements.isEmpty() && node.isList()) {
            node.problem("must list at least one table");
        }
        List<TableSpec> tables = new ArrayList<>();
        for (YamlNode element : elements) {
            Optional<String> name = element.get("name").name(Names.TABLE, true);
            if (name.isPresent() && declaredNames.contains(name.get())) {
                element.get("name").problem("table '" + name.get() + "' is defined twice; table names must be unique");
            }
            name.ifPresent(declaredNames::add);
            table(element).ifPresent(tables::add);
        }
        return tables;
    }

    List<String> declaredNames() {
        return List.copyOf(declaredNames);
    }

    private Optional<TableSpec> table(YamlNode node) {
        if (!node.isMapping()) {
            return Optional.empty();
        }
        node.allowOnly(TABLE_KEYS);
        Optional<String> name = node.get("name").string();
        Optional<KeyAttribute> partitionKey = key(node.get("partitionKey"), true);
        Optional<KeyAttribute> sortKey = key(node.get("sortKey"), false);
        if (partitionKey.isPresent()
                && sortKey.isPresent()
                && partitionKey.get().name().equals(sortKey.get().name())) {
            node.get("sortKey")
                    .problem("the sort key must differ from the partition key '"
                            + partitionKey.get().name() + "'");
        }
        Optional<String> dataClass = knownClass(node.get("dataClass"));
        Optional<String> zone = zone(node.get("zone"), dataClass);
        String entityType = node.get("entityTypeAttribute")
                .name(Names.ATTRIBUTE, false)
                .orElse(TableSpec.DEFAULT_ENTITY_TYPE_ATTRIBUTE);
        OriginStamp stamp = stamp(node.get("stamp"));
        if (name.isEmpty() || partitionKey.isEmpty() || zone.isEmpty() || stamp == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(PlatformReader.construct(
                node,
                () -> new TableSpec(
                        name.get(), partitionKey.get(), sortKey, zone.get(), dataClass, entityType, stamp)));
    }

    private Optional<KeyAttribute> key(YamlNode node, boolean required) {
        if (!node.isPresent()) {
            if (required) {
                node.problem("is required: the partition key, for example {name: pk, type: S}");
            }
            return Optional.empty();
        }
        if (!node.isMapping()) {
            return Optional.empty();
        }
        node.allowOnly(KEY_KEYS);
        Optional<String> name = node.get("name").name(Names.ATTRIBUTE, true);
        KeyType type = node.get("type").choice(KeyType.class, KeyType.S);
        return name.map(n -> new KeyAttribute(n, type));
    }

    private Optional<String> knownClass(YamlNode node) {
        Optional<String> dataClass = node.string();
        if (dataClass.isPresent() && residency != null && !residency.isKnownClass(dataClass.get())) {
            node.problem("unknown data class '" + dataClass.get() + "'"
                    + Suggestions.didYouMean(
                            dataClass.get(), residency.classes().keySet()) + " Classes: "
                    + String.join(", ", residency.classes().keySet()));
            return Optional.empty();
        }
        return dataClass;
    }

    /** The table's zone; by default the zone of its data class. */
    private Optional<String> zone(YamlNode node, Optional<String> dataClass) {
        if (residency == null) {
            return node.string();
        }
        if (!node.isPresent()) {
            return Optional.of(residency.classes().get(dataClass.orElse(residency.defaultClass())));
        }
        Optional<String> zone = node.string();
        if (zone.isPresent() && !residency.zones().containsKey(zone.get())) {
            node.problem("unknown zone '" + zone.get() + "'"
                    + Suggestions.didYouMean(zone.get(), residency.zones().keySet()) + " Zones: "
                    + String.join(", ", residency.zones().keySet()));
            return Optional.empty();
        }
        return zone;
    }

    private OriginStamp stamp(YamlNode node) {
        OriginStamp d = OriginStamp.defaults();
        if (!node.isMapping()) {
            return d;
        }
        node.allowOnly(STAMP_KEYS);
        return PlatformReader.construct(
                node,
                () -> new OriginStamp(
                        node.get("originAttribute").name(Names.ATTRIBUTE, false).orElse(d.originAttribute()),
                        node.get("writeTimeAttribute")
                                .name(Names.ATTRIBUTE, false)
                                .orElse(d.writeTimeAttribute()),
                        node.get("deletedAttribute")
                                .name(Names.ATTRIBUTE, false)
                                .orElse(d.deletedAttribute()),
                        node.get("ttlAttribute").name(Names.ATTRIBUTE, false).orElse(d.ttlAttribute()),
                        node.get("tombstoneTtlSeconds").integer(OriginStamp.TOMBSTONE_TTL, d.tombstoneTtlSeconds())));
    }
}
