package dev.distributary.local.chaos;

import dev.distributary.local.LocalPlatform;
import dev.distributary.local.internal.workload.Tally;
import dev.distributary.local.workload.Workload;
import dev.distributary.local.workload.WorkloadOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Poison records (an origin stamp of the wrong type) at random positions, one in 500 writes, in
 * random tables and regions. Each is quarantined, with its full payload, by every processor that
 * sees it, and exactly once there; every other change is delivered exactly once; and every
 * shard moved on: each mapping's checkpoint reached its stream's last record, and no record was
 * sent to the on-failure destination (none exhausted the configured retries).
 */
final class PoisonRecords implements Scenario {

    @Override
    public String name() {
        return "poison";
    }

    @Override
    public String summary() {
        return "poison records at random positions (1 in 500); each quarantined with its full payload, all else delivered, shards move on";
    }

    @Override
    public int defaultEvents() {
        return 2_000;
    }

    @Override
    public WorkloadOptions workload(int events, ChaosOptions chaos) {
        return WorkloadOptions.of(events, chaos.ratePerSecond(), chaos.seed())
                .withPoison(Math.max(1, events / 500), true);
    }

    @Override
    public Verdict evaluate(Evidence evidence, LocalPlatform platform) {
        Tally tally = Tally.exactlyOnce(evidence.topology(), evidence.changes(), evidence.deliveries());
        PoisonCount poison = count(evidence);
        List<Check> checks = List.of(
                Checks.delivery(tally),
                poison.check(),
                Checks.caughtUp(evidence.shards()),
                Checks.nothingDiscarded(evidence.mappings()),
                Checks.writes(evidence.written()));
        return new Verdict(
                checks,
                tally.lost() + poison.missing(),
                tally.duplicated() + poison.extra(),
                tally.leaked(),
                String.format(
                        "%,d poison records quarantined %,d times, each with its full payload; %,d other deliveries exactly once; %,d shards caught up",
                        evidence.written().poisons().size(),
                        poison.found(),
                        tally.expected() - tally.lost(),
                        evidence.shards().size()));
    }

    /** The poison records found in quarantine against those expected there. */
    record PoisonCount(int expected, int found, int missing, int extra, List<String> problems) {
        Check check() {
            return Check.of(
                    "each poison record quarantined by every processor that sees it, once, with its full payload",
                    problems.isEmpty() && expected > 0,
                    found + " of " + expected + " quarantine messages"
                            + (problems.isEmpty() ? "" : "; " + problems.get(0)));
        }
    }

    static PoisonCount count(Evidence evidence) {
        int expected = 0;
        int found = 0;
        int missing = 0;
        int extra = 0;
        List<String> problems = new ArrayList<>();
        for (Workload.Poison poison : evidence.written().poisons()) {
            List<QuarantinedRecord> messages = evidence.quarantine().stream()
                    .filter(q -> q.table().equals(poison.table()) && q.subject().equals(poison.subject()))
                    .toList();
            expected += poison.expectedQuarantines();
            found += messages.size();
            if (messages.size() < poison.expectedQuarantines()) {
                missing += poison.expectedQuarantines() - messages.size();
                problems.add(poison.subject() + " in " + poison.table() + " quarantined " + messages.size() + " times, "
                        + poison.expectedQuarantines() + " expected");
            } else if (messages.size() > poison.expectedQuarantines()) {
                extra += messages.size() - poison.expectedQuarantines();
                problems.add(poison.subject() + " in " + poison.table() + " quarantined " + messages.size() + " times, "
                        + poison.expectedQuarantines() + " expected");
            }
            long regions =
                    messages.stream().map(QuarantinedRecord::region).distinct().count();
            if (regions != messages.size()) {
                problems.add(poison.subject() + " quarantined twice by one processor");
            }
            for (QuarantinedRecord message : messages) {
                if (!message.image().map(poison.item()::equals).orElse(false)) {
                    problems.add(poison.subject() + ": the quarantine message in " + message.region()
                            + " does not carry the record's full payload");
                }
                if (!message.reason().startsWith("unclassifiable:")) {
                    problems.add(poison.subject() + " quarantined for '" + message.reason() + "'");
                }
            }
        }
        List<QuarantinedRecord> others = evidence.quarantine().stream()
                .filter(q -> evidence.written().poisons().stream()
                        .noneMatch(
                                p -> q.table().equals(p.table()) && q.subject().equals(p.subject())))
                .toList();
        if (!others.isEmpty()) {
            extra += others.size();
            problems.add(others.size() + " other records quarantined, the first in "
                    + others.get(0).region() + " for '" + others.get(0).reason() + "'");
        }
        return new PoisonCount(expected, found, missing, extra, problems);
    }
}
