package dev.distributary.cost;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Records per second through one table's stream in one region, as one design handles them.
 *
 * @param table           the table
 * @param region          the region whose stream (and function) it is; for a pipe, the region whose topic it publishes to
 * @param invoked         records per second that reach the function (after any FilterCriteria), or that pass the pipe's filter
 * @param published       of those, records per second the function publishes (and, in Distributary, claims)
 * @param publishedToTopic records per second published to each region's topic (the own region's, or
 *                        in primary-region mode every region a consumer and residency allow)
 */
public record StreamFlow(
        String table, String region, double invoked, double published, Map<String, Double> publishedToTopic) {
    public StreamFlow {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(region, "region");
        if (invoked < 0 || published < 0 || published > invoked + 1e-9) {
            throw new IllegalArgumentException("stream " + table + "/" + region
                    + ": need 0 <= published <= invoked, not " + published + " of " + invoked);
        }
        publishedToTopic = Collections.unmodifiableMap(new LinkedHashMap<>(publishedToTopic));
    }
}
