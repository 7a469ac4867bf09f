package dev.distributary.processor.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The invocation's event and response as JSON, read and written by the handler itself rather than
 * by the runtime's typed serializer: that one fails the whole invocation on a record it cannot
 * map (a BOOL that is a string, an image attribute that is not an attribute value) and silently
 * drops what it does not know (an unknown type key), so a malformed record could neither be
 * quarantined nor kept whole. Here every record reaches the pipeline exactly as it was delivered,
 * numbers as exact decimals.
 */
public final class StreamEvents {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private StreamEvents() {
    }

    /** The event is not a stream event at all: no record can be named, so the invocation fails. */
    public static final class NotAStreamEventException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NotAStreamEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The {@code Records} of a {@code DynamodbEvent}, each as delivered (an element that is not an object included). */
    public static List<JsonNode> records(InputStream event) {
        JsonNode root;
        try {
            root = JSON.readTree(event);
        } catch (IOException e) {
            throw new NotAStreamEventException("the invocation's event is not JSON: " + e.getMessage(), e);
        }
        return records(root);
    }

    public static List<JsonNode> records(JsonNode root) {
        if (root == null || !root.isObject() || !(root.get("Records") == null || root.get("Records").isArray())) {
            throw new NotAStreamEventException("the invocation's event is not a DynamoDB stream event: it must be an object whose Records is a list", null);
        }
        List<JsonNode> records = new ArrayList<>();
        JsonNode array = root.get("Records");
        if (array != null) {
            array.forEach(records::add);
        }
        return records;
    }

    /** The ReportBatchItemFailures response: the record to retry from, or an empty list. */
    public static void writeResponse(OutputStream output, Optional<String> retryFrom) throws IOException {
        output.write(response(retryFrom).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static String response(Optional<String> retryFrom) {
        ObjectNode response = JSON.createObjectNode();
        var failures = response.putArray("batchItemFailures");
        retryFrom.ifPresent(sequence -> failures.addObject().put("itemIdentifier", sequence));
        try {
            return JSON.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always writable", e);
        }
    }
}
