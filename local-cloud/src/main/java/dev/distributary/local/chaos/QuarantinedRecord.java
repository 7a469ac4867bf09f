package dev.distributary.local.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distributary.change.StreamSource;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * One quarantine message, read: the region whose processor quarantined the record, the reason,
 * the record itself (inline or gzip-compressed) and, where the message names them, its table and
 * item. A residency block's message withholds the record and keeps its coordinates and keys.
 *
 * @param region    the quarantining processor's region
 * @param reason    why
 * @param record    the full record as the stream delivered it; a missing node when the message kept only its coordinates
 * @param table     the record's table, from its stream ARN; empty when unreadable
 * @param subject   the item's key as envelopes name it ({@code pk=...,sk=...}); empty when unreadable
 * @param eventId   the stream record's event ID, as the message names it
 * @param withheld  the message says it withholds the record ({@code recordWithheld}: a residency block)
 */
public record QuarantinedRecord(
        String region, String reason, JsonNode record, String table, String subject, String eventId, boolean withheld) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static QuarantinedRecord of(JsonNode message, Topology topology) {
        JsonNode record = message.has("record")
                ? message.get("record")
                : decompress(message.path("recordGzipBase64").asText(""));
        String table = "";
        try {
            table = StreamSource.fromArn(record.path("eventSourceARN")
                            .asText(message.path("eventSourceARN").asText("")))
                    .table();
        } catch (IllegalArgumentException e) {
            // a record without a readable stream ARN names no table
        }
        Optional<TableSpec> spec = topology.table(table);
        JsonNode keys = record.isMissingNode()
                ? message.path("keys")
                : record.path("dynamodb").path("Keys");
        String subject = spec.map(s -> subject(s, keys)).orElse("");
        return new QuarantinedRecord(
                message.path("region").asText(""),
                message.path("reason").asText(""),
                record,
                table,
                subject,
                message.path("eventId").asText(""),
                message.path("recordWithheld").asBoolean(false));
    }

    /** The record's images as the stream delivered them (new, then old); none when the message does not carry the record. */
    public List<JsonNode> images() {
        List<JsonNode> images = new ArrayList<>();
        for (String name : List.of("NewImage", "OldImage")) {
            JsonNode image = record.path("dynamodb").path(name);
            if (image.isObject()) {
                images.add(image);
            }
        }
        return images;
    }

    /** The new image as the stream delivered it, else the old one. */
    public Optional<JsonNode> image() {
        return images().stream().findFirst();
    }

    private static String subject(TableSpec table, JsonNode keys) {
        StringBuilder subject = new StringBuilder(table.partitionKey().name())
                .append('=')
                .append(text(keys.path(table.partitionKey().name())));
        table.sortKey()
                .ifPresent(sort ->
                        subject.append(',').append(sort.name()).append('=').append(text(keys.path(sort.name()))));
        return subject.toString();
    }

    private static String text(JsonNode value) {
        return value.has("S") ? value.get("S").asText() : value.path("N").asText("");
    }

    private static JsonNode decompress(String base64) {
        if (base64.isEmpty()) {
            return JSON.missingNode();
        }
        try (GZIPInputStream in =
                new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return JSON.missingNode();
        }
    }
}
