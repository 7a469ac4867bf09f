package dev.distributary.infra.internal;

import java.util.Objects;

/**
 * ARNs the program must name before (or without) the resources existing: topics in other
 * regions, the streams of a table, the processor's log group. The partition and account come
 * from the caller identity, so nothing is hard-wired to the commercial partition.
 */
public record Arns(String partition, String account) {

    public Arns {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(account, "account");
    }

    /** From the caller identity's ARN ({@code arn:PARTITION:sts::ACCOUNT:...}) and account ID. */
    public static Arns fromCallerIdentity(String callerArn, String account) {
        String[] parts = callerArn.split(":", 3);
        if (parts.length < 3 || !parts[0].equals("arn") || parts[1].isEmpty()) {
            throw new IllegalArgumentException("the caller identity's ARN '" + callerArn + "' is not an ARN");
        }
        return new Arns(parts[1], account);
    }

    public String topic(String region, String topicName) {
        return "arn:" + partition + ":sns:" + region + ":" + account + ":" + topicName;
    }

    /** Every stream of the table in the region (a stream's ARN changes when the stream is re-enabled). */
    public String tableStreams(String region, String table) {
        return "arn:" + partition + ":dynamodb:" + region + ":" + account + ":table/" + table + "/stream/*";
    }

    /** The log streams of a log group. */
    public String logStreams(String region, String logGroup) {
        return "arn:" + partition + ":logs:" + region + ":" + account + ":log-group:" + logGroup + ":*";
    }
}
