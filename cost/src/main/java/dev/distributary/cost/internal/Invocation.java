package dev.distributary.cost.internal;

/**
 * One stream's average invocation, as modelled (not measured).
 *
 * @param perSecond     invocations per second
 * @param records       records per invocation (the effective batch)
 * @param published     records published per invocation
 * @param publishCalls  Publish or PublishBatch calls per invocation
 * @param snsRequests   billed SNS requests per invocation (64 KB chunks of each call)
 * @param ledgerWrites  write request units of the publish ledger per invocation
 * @param ledgerReads   read request units of the publish ledger per invocation (strongly consistent reads of items under 4 KB)
 * @param durationMs    modelled duration in ms
 * @param billedMs      the duration rounded up to Lambda's 1 ms
 */
public record Invocation(
        double perSecond,
        double records,
        double published,
        double publishCalls,
        double snsRequests,
        double ledgerWrites,
        double ledgerReads,
        double durationMs,
        double billedMs) {
    public Invocation {
        if (perSecond < 0
                || records < 1
                || published < 0
                || publishCalls < 0
                || snsRequests < 0
                || ledgerWrites < 0
                || ledgerReads < 0
                || durationMs < 0
                || billedMs < durationMs - 1e-9) {
            throw new IllegalArgumentException("inconsistent invocation: " + perSecond + "/s, " + records + " records, "
                    + published + " published, " + publishCalls + " calls, " + snsRequests + " requests, " + durationMs
                    + " ms, billed " + billedMs);
        }
    }
}
