package dev.distributary.fanout.internal;

import dev.distributary.change.AttributeValue;
import dev.distributary.change.AttributeValueJson;
import dev.distributary.change.Image;
import dev.distributary.topology.KeyAttribute;
import dev.distributary.topology.TableSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** An item's key as text (the envelope's {@code subject}) and the FIFO identifiers derived from it. */
public final class ItemKey {
    /** SNS and SQS FIFO ids: 1–128 characters, printable ASCII without space. */
    private static final Pattern FIFO_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private ItemKey() {}

    /**
     * {@code pk=order#1,sk=v0}: the key attributes in the table's key order (partition key, then
     * sort key); S as is, N as its decimal text, B as base64.
     */
    public static String text(TableSpec table, Image keys) {
        Map<String, AttributeValue> remaining = new LinkedHashMap<>(keys.attributes());
        List<String> parts = new ArrayList<>();
        List<KeyAttribute> schema = new ArrayList<>();
        schema.add(table.partitionKey());
        table.sortKey().ifPresent(schema::add);
        for (KeyAttribute key : schema) {
            AttributeValue value = remaining.remove(key.name());
            if (value != null) {
                parts.add(key.name() + "=" + scalar(value));
            }
        }
        remaining.forEach((name, value) -> parts.add(name + "=" + scalar(value)));
        return String.join(",", parts);
    }

    /**
     * The FIFO message group of an item, {@code TABLE/KEY}, so that changes of one item stay in
     * order. When that is not a valid group id (too long, or not printable ASCII), a SHA-256 of it,
     * which is still the same for every change of the item.
     */
    public static String messageGroupId(String table, String keyText) {
        String readable = table + "/" + keyText;
        return FIFO_ID.matcher(readable).matches() ? readable : "sha256:" + sha256(readable);
    }

    /** The FIFO deduplication id: the stream record's event ID (hashed only if it is not a valid id). */
    public static String deduplicationId(String eventId) {
        return FIFO_ID.matcher(eventId).matches() ? eventId : "sha256:" + sha256(eventId);
    }

    private static String scalar(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return s.value();
        } else if (value instanceof AttributeValue.N n) {
            return n.value();
        } else if (value instanceof AttributeValue.B b) {
            return b.base64();
        }
        return Json.write(
                AttributeValueJson.write(value)); // keys are scalars; render anything else rather than drop it
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
