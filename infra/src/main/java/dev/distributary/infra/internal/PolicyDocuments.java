package dev.distributary.infra.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.pulumi.core.Output;
import java.util.ArrayList;
import java.util.List;

/**
 * The IAM policy documents infra writes itself (the fan-out's queue policies come from fanout's
 * {@code QueueSubscription}): the processor's role and its permissions, and the TLS-only
 * policies of the queues and the topic that fanout does not describe.
 */
public final class PolicyDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyDocuments() {
    }

    /** Lets the service assume the role. */
    public static String assumeRole(String service) {
        ObjectNode document = document();
        ObjectNode statement = document.putArray("Statement").addObject();
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("Service", service);
        statement.put("Action", "sts:AssumeRole");
        return write(document);
    }

    /** An identity policy of Allow statements; resolves once every resource ARN is known. */
    public static Output<String> identityPolicy(List<Statement> statements) {
        List<Output<String>> resources = new ArrayList<>();
        statements.forEach(s -> resources.addAll(s.resources()));
        return Output.all(resources).applyValue(arns -> {
            ObjectNode document = document();
            ArrayNode array = document.putArray("Statement");
            int next = 0;
            for (Statement s : statements) {
                ObjectNode statement = array.addObject();
                statement.put("Sid", s.sid());
                statement.put("Effect", "Allow");
                ArrayNode actions = statement.putArray("Action");
                s.actions().forEach(actions::add);
                ArrayNode resourceArray = statement.putArray("Resource");
                for (int i = 0; i < s.resources().size(); i++) {
                    resourceArray.add(arns.get(next++));
                }
            }
            return write(document);
        });
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
