package dev.distributary.replication.writer.internal;

import dev.distributary.replication.writer.ResidencyViolationException;
import dev.distributary.topology.ResidencyPolicy;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;

/**
 * The write-time residency check: an item's data class (its residency attribute, else its table's
 * default class) must be permitted in every region the table replicates to.
 */
public final class ResidencyGuard {
    private final Topology topology;
    private final ResidencyPolicy policy;

    public ResidencyGuard(Topology topology) {
        this.topology = topology;
        this.policy = topology.residency();
    }

    /** A whole item (put): its class, or the table's default when it carries none. */
    public void checkItem(TableSpec table, Map<String, AttributeValue> item) {
        AttributeValue value = item.get(policy.attribute());
        check(table, value == null ? topology.defaultClass(table) : classOf(table, value));
    }

    /** An update: every class its SET clause assigns; an update that leaves the class alone changes nothing residency cares about. */
    public void checkUpdate(
            TableSpec table, String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        for (AttributeValue value : UpdateExpressions.assignedValues(expression, names, values, policy.attribute())) {
            check(table, classOf(table, value));
        }
    }

    /** A legacy {@code AttributeUpdates} update. */
    public void checkAttributeUpdates(TableSpec table, Map<String, AttributeValueUpdate> updates) {
        AttributeValueUpdate update = updates.get(policy.attribute());
        if (update != null && update.action() != AttributeAction.DELETE && update.value() != null) {
            check(table, classOf(table, update.value()));
        }
    }

    private String classOf(TableSpec table, AttributeValue value) {
        if (value.s() == null) {
            List<String> replicas = topology.replicaRegions(table);
            throw new ResidencyViolationException(
                    table.name(),
                    String.valueOf(value),
                    replicas.get(0),
                    "refused to write to table '" + table.name() + "': its residency attribute '" + policy.attribute()
                            + "' must be a string naming a data class "
                            + policy.classes().keySet() + ", not " + value);
        }
        return value.s();
    }

    private void check(TableSpec table, String dataClass) {
        List<String> replicas = topology.replicaRegions(table);
        policy.firstForbidden(dataClass, replicas).ifPresent(region -> {
            String why = policy.isKnownClass(dataClass)
                    ? "class '" + dataClass + "' is permitted only in " + policy.regionsOf(dataClass)
                            + ", but the table replicates to " + replicas + ", so the item would be stored in " + region
                    : "'" + dataClass + "' is not a data class of the platform (classes: "
                            + policy.classes().keySet()
                            + "), and an unknown class is permitted nowhere, so it may not be stored in " + region;
            throw new ResidencyViolationException(
                    table.name(),
                    dataClass,
                    region,
                    "refused to write to table '" + table.name() + "': " + why
                            + "; nothing was written. Write it to a table whose zone its class permits, or correct its '"
                            + policy.attribute() + "'");
        });
    }
}
