package dev.distributary.fanout;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.Operation;
import dev.distributary.fanout.internal.Json;
import dev.distributary.topology.ConsumerSpec;
import dev.distributary.topology.OriginScope;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A consumer's SNS subscription filter policy (scope {@code MessageAttributes}): each key is a
 * message attribute and lists the exact strings it accepts; a message must match every key. Only
 * exact string matching is used, which SNS and every emulator evaluate alike (no
 * {@code equals-ignore-case}, {@code anything-but}, numeric, {@code wildcard} or {@code cidr}).
 *
 * <p>Keys, in this order: {@code table}; {@code eventName} unless the consumer takes all four (a
 * consumer that lists INSERT, MODIFY and REMOVE takes no expiries);
 * {@code originKind: ["local"]} for origin {@code local}; {@code item.NAME} for each filter. SNS
 * allows five keys and 150 value combinations: {@code table} is left out when the consumer takes
 * every table of the platform and the policy would otherwise need six or seven keys; anything
 * still beyond the limits is refused with {@link FanoutConfigException}.
 *
 * @param conditions message attribute name to the values it accepts, in policy order
 */
public record FilterPolicy(Map<String, List<String>> conditions) {
    /** The subscription attribute {@code FilterPolicyScope}. */
    public static final String SCOPE = "MessageAttributes";

    public static final int MAX_KEYS = 5;
    public static final int MAX_COMBINATIONS = 150;

    public FilterPolicy {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        conditions.forEach((key, values) -> copy.put(key, List.copyOf(values)));
        conditions = Collections.unmodifiableMap(copy);
    }

    /**
     * The policy of a consumer's subscriptions (the same in each of its regions).
     *
     * @throws FanoutConfigException when SNS cannot express it
     */
    public static FilterPolicy forConsumer(Topology topology, ConsumerSpec consumer) {
        consumer.tables().forEach(table -> MessageAttributes.itemAttributes(topology, table));
        Map<String, List<String>> conditions = new LinkedHashMap<>();
        conditions.put(MessageAttributes.TABLE, consumer.tables());
        if (!consumer.eventNames().equals(Operation.EVENT_NAMES)) {
            conditions.put(
                    MessageAttributes.EVENT_NAME,
                    consumer.eventNames().stream().map(Operation::name).sorted().toList());
        }
        if (consumer.origin() == OriginScope.LOCAL) {
            conditions.put(MessageAttributes.ORIGIN_KIND, List.of(OriginKind.LOCAL.wireName()));
        }
        consumer.filters().forEach((attribute, values) -> conditions.put(MessageAttributes.item(attribute), values));

        Set<String> allTables = topology.tables().stream().map(TableSpec::name).collect(Collectors.toSet());
        if (conditions.size() > MAX_KEYS && consumer.tables().containsAll(allTables)) {
            conditions.remove(MessageAttributes.TABLE);
        }
        if (conditions.size() > MAX_KEYS) {
            throw new FanoutConfigException(
                    "consumer '" + consumer.name() + "': its SNS filter policy needs " + conditions.size()
                            + " keys " + conditions.keySet() + " and SNS allows " + MAX_KEYS
                            + "; take all event names, use origin 'any' or filter on fewer item attributes");
        }
        long combinations = conditions.values().stream().mapToLong(List::size).reduce(1, (a, b) -> a * b);
        if (combinations > MAX_COMBINATIONS) {
            throw new FanoutConfigException(
                    "consumer '" + consumer.name() + "': its SNS filter policy has " + combinations
                            + " value combinations (the product of the number of values of each key) and SNS allows "
                            + MAX_COMBINATIONS + "; list fewer tables or filter values");
        }
        return new FilterPolicy(conditions);
    }

    /** The policy as SNS takes it, compact, keys in policy order. */
    public String json() {
        ObjectNode policy = Json.NODES.objectNode();
        conditions.forEach((key, values) -> {
            ArrayNode array = policy.putArray(key);
            values.forEach(array::add);
        });
        return Json.write(policy);
    }

    /** Whether a message with these String attributes passes the policy, as SNS decides it. */
    public boolean matches(Map<String, String> messageAttributes) {
        for (Map.Entry<String, List<String>> condition : conditions.entrySet()) {
            String value = messageAttributes.get(condition.getKey());
            if (value == null || !condition.getValue().contains(value)) {
                return false;
            }
        }
        return true;
    }
}
