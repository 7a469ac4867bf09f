package dev.distributary.local.internal.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a request names, read from its body once: the top-level fields that name a resource (a
 * DynamoDB {@code TableName}, {@code StreamArn} or {@code ShardIterator}, an SQS {@code QueueUrl} or
 * {@code QueueName}, an SNS {@code TopicArn}), in the JSON protocols' bodies or the query
 * protocol's form, and the tables of {@code RequestItems} and {@code TransactItems}.
 *
 * @param fields each naming field present, with its value
 * @param tables the tables a batch or transaction names, in order
 */
record RequestResources(Map<String, String> fields, List<String> tables) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS =
            Set.of("TableName", "QueueUrl", "TopicArn", "StreamArn", "ShardIterator", "QueueName");
    /** The fields whose values count as the resource a call is on, for counting and fault rules. */
    private static final List<String> COUNTED = List.of("TableName", "QueueUrl", "TopicArn");

    static RequestResources read(String contentType, byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>();
        if (body.length == 0) {
            return new RequestResources(fields, tables);
        }
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&", -1)) {
                int equals = pair.indexOf('=');
                if (equals > 0 && FIELDS.contains(pair.substring(0, equals))) {
                    fields.put(
                            pair.substring(0, equals),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            return new RequestResources(fields, tables);
        }
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            return new RequestResources(fields, tables);
        }
        if (request == null || !request.isObject()) {
            return new RequestResources(fields, tables);
        }
        FIELDS.forEach(field -> {
            if (request.path(field).isTextual()) {
                fields.put(field, request.get(field).textValue());
            }
        });
        request.path("RequestItems").fieldNames().forEachRemaining(tables::add);
        for (JsonNode item : request.path("TransactItems")) {
            item.forEach(action -> {
                if (action.path("TableName").isTextual()) {
                    tables.add(action.get("TableName").textValue());
                }
            });
        }
        return new RequestResources(fields, tables);
    }

    /** The resources a request is on, for counting and fault rules: a table, queue URL or topic ARN (several for a batch). */
    List<String> named() {
        List<String> named = new ArrayList<>();
        COUNTED.forEach(field -> {
            if (fields.containsKey(field)) {
                named.add(fields.get(field));
            }
        });
        named.addAll(tables);
        return named;
    }
}
