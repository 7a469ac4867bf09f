package dev.distributary.infra.synth;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code pulumi up} would create in one region's stack: the components in declaration order, then each one's children by type and name.
 *
 * @param region    the stack's region
 * @param stack     the stack name synth used
 * @param account   the account every ARN names (a placeholder, {@link OfflineCloud#ACCOUNT})
 * @param resources components and cloud resources
 */
public record Synthesis(String region, String stack, String account, List<SynthResource> resources) {
    public Synthesis {
        resources = List.copyOf(resources);
    }

    /** How many resources of each type, types sorted. */
    public Map<String, Integer> countsByType() {
        Map<String, Integer> counts = new TreeMap<>();
        resources.forEach(r -> counts.merge(r.type(), 1, Integer::sum));
        return counts;
    }
}
