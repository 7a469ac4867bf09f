package dev.distributary.topology;

import java.util.Objects;

/**
 * The ARNs of the platform's resources, built from their names: the infrastructure program names
 * what exists only later or elsewhere (topics in other regions, a table's streams, the processor's
 * log group), and the local run names everything, for its policies. The partition and account
 * come from the caller identity on AWS, from the emulator's account locally.
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

    public String queue(String region, String queueName) {
        return "arn:" + partition + ":sqs:" + region + ":" + account + ":" + queueName;
    }

    public String table(String region, String table) {
        return "arn:" + partition + ":dynamodb:" + region + ":" + account + ":table/" + table;
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
