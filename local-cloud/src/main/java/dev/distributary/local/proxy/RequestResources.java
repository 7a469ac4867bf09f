package dev.distributary.local.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The resources a request names, read from its body: a DynamoDB {@code TableName} (also the
 * tables of {@code RequestItems} and {@code TransactItems}), an SQS {@code QueueUrl} or an SNS
 * {@code TopicArn}, in the JSON protocols' bodies or the query protocol's form.
 */
final class RequestResources {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("TableName", "QueueUrl", "TopicArn");

    private RequestResources() {
    }

    static List<String> of(String contentType, byte[] body) {
        List<String> resources = new ArrayList<>();
        if (body.length == 0) {
            return resources;
        }
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && FIELDS.contains(pair.substring(0, equals))) {
                    resources.add(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            return resources;
        }
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            return resources;
        }
        if (request == null || !request.isObject()) {
            return resources;
        }
        FIELDS.forEach(field -> {
            if (request.path(field).isTextual()) {
                resources.add(request.get(field).textValue());
            }
        });
        request.path("RequestItems").fieldNames().forEachRemaining(resources::add);
        for (JsonNode item : request.path("TransactItems")) {
            item.forEach(action -> {
                if (action.path("TableName").isTextual()) {
                    resources.add(action.get("TableName").textValue());
                }
            });
        }
        return resources;
    }
}
