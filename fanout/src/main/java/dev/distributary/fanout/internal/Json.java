package dev.distributary.fanout.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cloudevents.jackson.JsonFormat;
import java.io.UncheckedIOException;

/**
 * The one JSON mapper of the envelope: numbers are read as exact decimals (never doubles), and
 * CloudEvents structured JSON is (de)serialised by the CloudEvents Jackson module.
 */
public final class Json {
    /** Exact decimals: {@code 2.50} stays {@code 2.50}, 38-digit numbers keep every digit. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .nodeFactory(NODES)
            .addModule(JsonFormat.getCloudEventJacksonModule())
            .build();

    private Json() {}

    /** Compact JSON text of a tree. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON pointer segment, escaped as RFC 6901 says: {@code ~} → {@code ~0}, {@code /} → {@code ~1}. */
    public static String pointerSegment(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
