package dev.distributary.fanout.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The IAM policy documents of the fan-out, as compact JSON. */
public final class PolicyJson {
    private PolicyJson() {}

    /**
     * A queue's policy: SNS may send to it only on behalf of the topic, and nobody may use it
     * without TLS.
     */
    public static String queuePolicy(String queueArn, String topicArn) {
        ObjectNode policy = document();
        ArrayNode statements = policy.putArray("Statement");
        ObjectNode allow = statements.addObject();
        allow.put("Sid", "AllowTopicToSend");
        allow.put("Effect", "Allow");
        allow.putObject("Principal").put("Service", "sns.amazonaws.com");
        allow.put("Action", "sqs:SendMessage");
        allow.put("Resource", queueArn);
        allow.putObject("Condition").putObject("ArnEquals").put("aws:SourceArn", topicArn);
        statements.add(denyInsecureTransport(queueArn));
        return Json.write(policy);
    }

    /** A dead-letter queue's policy: no access without TLS (SQS itself moves messages in). */
    public static String deadLetterQueuePolicy(String deadLetterQueueArn) {
        ObjectNode policy = document();
        policy.putArray("Statement").add(denyInsecureTransport(deadLetterQueueArn));
        return Json.write(policy);
    }

    /** {@code {"deadLetterTargetArn": ..., "maxReceiveCount": N}}. */
    public static String redrivePolicy(String deadLetterQueueArn, int maxReceiveCount) {
        ObjectNode policy = Json.NODES.objectNode();
        policy.put("deadLetterTargetArn", deadLetterQueueArn);
        policy.put("maxReceiveCount", maxReceiveCount);
        return Json.write(policy);
    }

    private static ObjectNode document() {
        ObjectNode policy = Json.NODES.objectNode();
        policy.put("Version", "2012-10-17");
        return policy;
    }

    private static ObjectNode denyInsecureTransport(String resource) {
        ObjectNode deny = Json.NODES.objectNode();
        deny.put("Sid", "DenyInsecureTransport");
        deny.put("Effect", "Deny");
        deny.put("Principal", "*");
        deny.put("Action", "sqs:*");
        deny.put("Resource", resource);
        deny.putObject("Condition").putObject("Bool").put("aws:SecureTransport", "false");
        return deny;
    }
}
