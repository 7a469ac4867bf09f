package dev.distributary.fanout.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** How SNS counts a message against its 256 KB limit: the body plus each attribute's name, type and value. */
public final class SnsSize {
    /** One SNS message, and one PublishBatch call, carry at most 256 KB. */
    public static final int MAX_BYTES = 262_144;

    private static final int STRING_TYPE_BYTES = "String".length();

    private SnsSize() {}

    public static long of(String body, Map<String, String> stringAttributes) {
        long size = utf8(body);
        for (Map.Entry<String, String> attribute : stringAttributes.entrySet()) {
            size += utf8(attribute.getKey()) + STRING_TYPE_BYTES + utf8(attribute.getValue());
        }
        return size;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
