package dev.distributary.infra.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The IAM policy documents infra writes itself (the fan-out's queue policies come from fanout's
 * {@code QueueSubscription}, the processor's permissions from topology's {@code ProcessorPolicy}):
 * the processor's trust policy, and the TLS-only policies of the queues and the topic that fanout
 * does not describe.
 */
public final class PolicyDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyDocuments() {}

    /** Lets the service assume the role. */
    public static String assumeRole(String service) {
        ObjectNode document = document();
        ObjectNode statement = document.putArray("Statement").addObject();
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("Service", service);
        statement.put("Action", "sts:AssumeRole");
        return write(document);
    }

    /** A queue's policy: nobody may use it without TLS (same statement as fanout's queues). */
    public static String queueDenyInsecureTransport(String queueArn) {
        return denyInsecureTransport("sqs:*", queueArn);
    }

    /** The topic's policy: nobody may publish without TLS. */
    public static String topicDenyInsecureTransport(String topicArn) {
        return denyInsecureTransport("sns:Publish", topicArn);
    }

    private static String denyInsecureTransport(String action, String resource) {
        ObjectNode document = document();
        ObjectNode deny = document.putArray("Statement").addObject();
        deny.put("Sid", "DenyInsecureTransport");
        deny.put("Effect", "Deny");
        deny.put("Principal", "*");
        deny.put("Action", action);
        deny.put("Resource", resource);
        deny.putObject("Condition").putObject("Bool").put("aws:SecureTransport", "false");
        return write(document);
    }

    private static ObjectNode document() {
        ObjectNode document = JSON.createObjectNode();
        document.put("Version", "2012-10-17");
        return document;
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a policy document is always serialisable", e);
        }
    }
}
