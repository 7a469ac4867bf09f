package dev.distributary.local.demo;

import dev.distributary.local.workload.Delivery;
import java.util.List;
import java.util.Map;

/**
 * What the demo measured and whether the platform kept its promises. Written as JSON by
 * {@code distributary demo --report FILE}.
 *
 * @param passed             every check held
 * @param regions            the platform's regions
 * @param written            writes made (and accepted) in all
 * @param writtenPerRegion   writes per region
 * @param expectedDeliveries deliveries the rules call for
 * @param deliveries         deliveries received
 * @param lost               expected deliveries that never arrived
 * @param duplicates         deliveries of a change a queue had already received
 * @param unexpected         deliveries the rules do not call for
 * @param residencyViolations deliveries to a region the change's class may not reach
 * @param quarantined        records in the quarantine queues
 * @param refusedByWriter    writes the origin-stamping writer refused for residency
 * @param replicaSkipped     replicated records not processed: the sum of the two below
 * @param filteredPerRegion  per processing region, records its event source mappings' FilterCriteria dropped before any
 *                           invocation (Lambda's FilteredOutEventCount): replicated records of tables no consumer there
 *                           takes with origin {@code any}
 * @param replicaSkippedByProcessor replicated records that reached a processor and were skipped because no consumer there
 *                           takes them (its {@code SkippedReplica} metric): those a filter must let through (a replicated
 *                           removal of an item with a TTL attribute, which only the processor tells from an expiry), or
 *                           all of them where the filters are off
 * @param iamDenied          calls a function made that its role's policy does not allow (AWS would refuse them); 0 when correct
 * @param latencyMs          write (origin stamp) to queue, every delivery
 * @param latencyLocalMs     the same for deliveries in the region that took the write
 * @param latencyReplicaMs   the same for deliveries in other regions (replication delay included)
 * @param latencyTrendMs     the median latency of the changes written in the first and in the last quarter of the run:
 *                           when the platform keeps up they are alike; when the last is far higher, lag was growing
 * @param apiCalls           calls to the emulator per service and operation
 * @param apiCallsPerEvent   calls per accepted write
 * @param apiServerMs        milliseconds the emulator spent answering, per service and operation (where the time goes)
 * @param durationSeconds    the whole run, start-up included
 * @param checks             each check, with what it saw
 */
public record DemoReport(
        boolean passed,
        List<String> regions,
        long written,
        Map<String, Integer> writtenPerRegion,
        long expectedDeliveries,
        long deliveries,
        long lost,
        long duplicates,
        long unexpected,
        long residencyViolations,
        long quarantined,
        long refusedByWriter,
        long replicaSkipped,
        Map<String, Long> filteredPerRegion,
        long replicaSkippedByProcessor,
        long iamDenied,
        Latency latencyMs,
        Latency latencyLocalMs,
        Latency latencyReplicaMs,
        Trend latencyTrendMs,
        Map<String, Map<String, Long>> apiCalls,
        double apiCallsPerEvent,
        Map<String, Map<String, Long>> apiServerMs,
        double durationSeconds,
        List<Check> checks) {

    public record Latency(long p50, long p90, long p99, long max) {
        static Latency of(java.util.List<Long> millis) {
            Percentiles p = Percentiles.of(millis);
            return new Latency(p.p50(), p.p90(), p.p99(), p.max());
        }
    }

    /** Median write-to-queue latency early and late in the run. */
    public record Trend(long firstQuarterP50, long lastQuarterP50) {
        static Trend of(List<Delivery> deliveries) {
            List<Delivery> byWrite = deliveries.stream()
                    .sorted(java.util.Comparator.comparing(d -> d.event().time()))
                    .toList();
            int quarter = byWrite.size() / 4;
            if (quarter == 0) {
                return new Trend(0, 0);
            }
            return new Trend(
                    Percentiles.of(byWrite.subList(0, quarter).stream()
                                    .map(Delivery::latencyMillis)
                                    .toList())
                            .p50(),
                    Percentiles.of(byWrite.subList(byWrite.size() - quarter, byWrite.size()).stream()
                                    .map(Delivery::latencyMillis)
                                    .toList())
                            .p50());
        }
    }

    /** One promise and what the run saw of it. */
    public record Check(String name, boolean passed, String detail) {}
}
