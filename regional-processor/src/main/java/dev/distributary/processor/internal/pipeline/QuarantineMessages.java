package dev.distributary.processor.internal.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * The quarantine message of a record: the reason, where it was read and by whom, and the full
 * record as the stream delivered it. A record too large for one SQS message (256 KB) is carried
 * gzip-compressed; if even that does not fit, the message keeps the record's coordinates (stream
 * ARN and sequence number, enough to read it again from the stream within 24 hours) and says so.
 * A residency block ({@link Route.Quarantine#residency()}) never carries the record: its data may
 * not be held in this region, and the quarantine queue is in this region. Its message has the
 * reason, the identifiers, the coordinates and the item's keys only, and {@code recordWithheld: true}.
 * The message is written in ASCII (everything else as JSON escapes), so that any record, even one
 * holding text that is not valid Unicode, makes a message SQS accepts and reads back exactly.
 */
final class QuarantineMessages {
    static final int MAX_SQS_BYTES = 256 * 1024;
    /** Room for the message's own fields around the record. */
    private static final int ENVELOPE_ALLOWANCE = 4 * 1024;

    private static final ObjectMapper ASCII =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private QuarantineMessages() {}

    static String of(JsonNode record, Route.Quarantine route, String region, String functionName, Instant now) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("reason", route.reason());
        message.put("region", region);
        message.put("functionName", functionName);
        message.put("quarantinedAt", now.toString());
        message.put("eventId", record.path("eventID").asText(""));
        message.put(
                "sequenceNumber", record.path("dynamodb").path("SequenceNumber").asText(""));
        message.put("eventSourceARN", record.path("eventSourceARN").asText(""));
        if (route.residency()) {
            message.put("recordWithheld", true);
            keys(message, record);
            return ascii(message);
        }
        String full = ascii(record);
        if (full.length() + ENVELOPE_ALLOWANCE <= MAX_SQS_BYTES) {
            message.set("record", record);
            return ascii(message);
        }
        String compressed = gzipBase64(full);
        if (compressed.length() + ENVELOPE_ALLOWANCE <= MAX_SQS_BYTES) {
            message.put("recordGzipBase64", compressed);
            return ascii(message);
        }
        message.put("recordTooLarge", true);
        keys(message, record);
        return ascii(message);
    }

    private static void keys(ObjectNode message, JsonNode record) {
        JsonNode keys = record.path("dynamodb").path("Keys");
        if (keys.isObject()) {
            message.set("keys", keys.deepCopy());
        }
    }

    private static String ascii(JsonNode node) {
        try {
            return ASCII.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always writable", e);
        }
    }

    private static String gzipBase64(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
