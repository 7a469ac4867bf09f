package dev.distributary.processor.internal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.distributary.change.AttributeValue;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.change.StreamSource;
import dev.distributary.topology.ResidencyPolicy;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a record's data may be held in a region, decided before anything else is decided about
 * it: its table must be one that may have a replica there (its zone includes the region), and every
 * data class its images declare (or, without one, its table's default class) must be permitted
 * there. A record that fails is a residency block, whatever else is wrong with it: it is quarantined
 * without its attribute values and counted as ResidencyBlocked. The same rules read a decoded record
 * and the raw JSON of one that could not be decoded.
 */
public final class ResidencyScreen {
    /** How every residency block's reason begins (the record log withholds such a record's images). */
    public static final String PREFIX = "residency: ";

    private final Topology topology;
    private final ResidencyPolicy residency;
    /** Per table name, the table and the regions its zone lets it have replicas in. */
    private final Map<String, TableSpec> tables = new HashMap<>();

    private final Map<String, Set<String>> replicaRegions = new HashMap<>();

    public ResidencyScreen(Topology topology) {
        this.topology = topology;
        this.residency = topology.residency();
        for (TableSpec table : topology.tables()) {
            tables.put(table.name(), table);
            replicaRegions.put(table.name(), Set.copyOf(topology.replicaRegions(table)));
        }
    }

    /** Why the record may not be held in the region, or empty when it may. */
    public Optional<String> blocked(ChangeRecord record, String region) {
        TableSpec table = tables.get(record.table());
        Optional<String> replica = replicaBlocked(table, region);
        return replica.isPresent() ? replica : classBlocked(table, record, region);
    }

    /** The same for a record as the stream delivered it, readable or not; a record that names no table of the platform is judged by its images alone. */
    Optional<String> blocked(JsonNode raw, String region) {
        TableSpec table = null;
        try {
            table = tables.get(
                    StreamSource.fromArn(raw.path("eventSourceARN").asText("")).table());
        } catch (IllegalArgumentException unreadable) {
            // no table to judge by
        }
        Optional<String> blocked = replicaBlocked(table, region);
        for (String name : List.of("NewImage", "OldImage")) {
            JsonNode image = raw.path("dynamodb").path(name);
            if (blocked.isEmpty() && image.isObject()) {
                blocked = classBlocked(table, image, region);
            }
        }
        return blocked;
    }

    /**
     * Whether the record's classes permit publishing it to another region's topic (primary-region
     * routing): its table's zone bounds where the table's replicas are, its classes where its data may go.
     */
    boolean mayReach(ChangeRecord record, String target) {
        return classBlocked(tables.get(record.table()), record, target).isEmpty();
    }

    /** Why the table (null: not the platform's) may have no replica in the region, or empty when it may. */
    private Optional<String> replicaBlocked(TableSpec table, String region) {
        if (table == null || replicaRegions.get(table.name()).contains(region)) {
            return Optional.empty();
        }
        return Optional.of(PREFIX + "table '" + table.name() + "' must have no replica in " + region + " (its zone '"
                + table.zone() + "' is "
                + residency.zone(table.zone()).regions()
                + "), so its records must not be processed here");
    }

    /** The first class the record's images declare (new image, then old) that the region does not permit. */
    private Optional<String> classBlocked(TableSpec table, ChangeRecord record, String region) {
        Optional<String> blocked = Optional.empty();
        if (record.newImage().isPresent()) {
            blocked = classBlocked(table, record.newImage().get(), region);
        }
        if (blocked.isEmpty() && record.oldImage().isPresent()) {
            blocked = classBlocked(table, record.oldImage().get(), region);
        }
        return blocked;
    }

    private Optional<String> classBlocked(TableSpec table, Image image, String region) {
        AttributeValue value = image.attributes().get(residency.attribute());
        if (value == null) {
            return classBlocked(table, null, null, region);
        }
        return value instanceof AttributeValue.S s
                ? classBlocked(table, s.value(), null, region)
                : classBlocked(table, null, value.type(), region);
    }

    private Optional<String> classBlocked(TableSpec table, JsonNode image, String region) {
        JsonNode value = image.get(residency.attribute());
        if (value == null) {
            return classBlocked(table, null, null, region);
        }
        if (value.size() == 1 && value.path("S").isTextual()) {
            return classBlocked(table, value.get("S").textValue(), null, region);
        }
        String type = value.size() == 1 && !value.has("S") ? value.fieldNames().next() : "malformed value";
        return classBlocked(table, null, type, region);
    }

    /**
     * Why an image's data class may not be in the region: the class it declares ({@code name}), or,
     * when it declares none, its table's default; {@code wrongType} is the type of a class attribute
     * that is not a string.
     */
    private Optional<String> classBlocked(TableSpec table, String name, String wrongType, String region) {
        if (wrongType != null) {
            return Optional.of(PREFIX + "attribute '" + residency.attribute() + "' holds a " + wrongType
                    + ", not a data class name (S)");
        }
        String dataClass = name != null ? name : table == null ? null : topology.defaultClass(table);
        if (dataClass == null) {
            return Optional.empty();
        }
        if (!residency.isKnownClass(dataClass)) {
            return Optional.of(PREFIX + "data class '" + dataClass + "' is not one of the platform's classes "
                    + residency.classes().keySet() + "; a change of an unknown class is permitted nowhere");
        }
        if (!residency.permits(dataClass, region)) {
            return Optional.of(PREFIX + "class '" + dataClass + "' is not permitted in " + region + " (zone '"
                    + residency.classes().get(dataClass) + "' " + residency.regionsOf(dataClass)
                    + "); the change must not be published here");
        }
        return Optional.empty();
    }
}
