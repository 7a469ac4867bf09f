package dev.distributary.benchmarks.calls;

import java.util.List;

/** The accounting as a fixed-width table, one row per design and batch size. */
final class CallTable {
    private static final String HEADER = String.format(
            "%-12s %5s %6s %6s %8s %8s %6s %8s %8s %7s %7s %6s %6s %9s %9s",
            "design",
            "batch",
            "window",
            "events",
            "records",
            "invokes",
            "SNS",
            "DDB idem",
            "DDB repl",
            "SQS",
            "stream",
            "deliv",
            "batch~",
            "idemW/rec",
            "logB/rec");

    private CallTable() {}

    static String format(List<CallAccount> accounts) {
        StringBuilder table = new StringBuilder("per application write (event):\n")
                .append(HEADER)
                .append('\n');
        accounts.forEach(account -> table.append(row(account)).append('\n'));
        return table.toString();
    }

    static String row(CallAccount a) {
        return String.format(
                "%-12s %5d %5ds %6d %8.2f %8.3f %6.3f %8.3f %8.2f %7.3f %7.2f %6.2f %6.1f %9.3f %9.0f%s",
                a.design().label(),
                a.batchSize(),
                a.batchingWindowSeconds(),
                a.events(),
                a.invokedRecords(),
                a.lambdaInvocations(),
                a.snsRequests(),
                a.idempotencyRequests(),
                a.replicatedWrites(),
                a.sqsRequests(),
                a.streamReads(),
                a.deliveries(),
                a.meanBatch(),
                a.idempotencyWritesPerRecord(),
                a.logBytesPerRecord(),
                a.complete() ? "" : "  INCOMPLETE");
    }
}
