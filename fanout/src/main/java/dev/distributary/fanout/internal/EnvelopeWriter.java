package dev.distributary.fanout.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.ChangeRecord;
import dev.distributary.change.Image;
import dev.distributary.fanout.EnvelopeSchema;
import dev.distributary.fanout.EventContext;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Writes the CloudEvents 1.0 structured JSON of one change. */
public final class EnvelopeWriter {
    public static final String ORIGIN_REGION = "originregion";
    public static final String ORIGIN_KIND = "originkind";
    public static final String RESIDENCY = "residency";
    public static final String SEQUENCE = "sequence";
    public static final String ENTITY_TYPE = "entitytype";

    private EnvelopeWriter() {}

    /**
     * The envelope's JSON text.
     *
     * @param keysOnly leave out the images (for a change too large for SNS); {@code truncated} says so
     */
    public static String write(
            ChangeRecord record,
            EventContext context,
            String type,
            String subject,
            Instant time,
            Optional<String> entityType,
            boolean keysOnly) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(record.eventId())
                .withSource(URI.create(record.source().tableArn()))
                .withType(type)
                .withSubject(subject)
                .withTime(OffsetDateTime.ofInstant(time, ZoneOffset.UTC))
                .withDataSchema(EnvelopeSchema.ID)
                .withDataContentType(EnvelopeSchema.DATA_CONTENT_TYPE)
                .withExtension(ORIGIN_KIND, context.originKind().wireName())
                .withExtension(RESIDENCY, context.dataClass())
                .withExtension(SEQUENCE, record.sequenceNumber());
        context.originRegion().ifPresent(region -> builder.withExtension(ORIGIN_REGION, region));
        entityType.ifPresent(entity -> builder.withExtension(ENTITY_TYPE, entity));
        CloudEvent event = builder.withData(JsonCloudEventData.wrap(data(record, context, keysOnly)))
                .build();
        try {
            return Json.MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode data(ChangeRecord record, EventContext context, boolean keysOnly) {
        Map<String, String> hints = new LinkedHashMap<>();
        ObjectNode data = Json.NODES.objectNode();
        data.put("op", context.op().wireName());
        data.set("keys", PlainJson.writeImage(record.keys(), "/keys", hints));
        data.set("before", image(keysOnly ? Optional.empty() : record.oldImage(), "/before", hints));
        data.set("after", image(keysOnly ? Optional.empty() : record.newImage(), "/after", hints));
        data.put("truncated", keysOnly);
        ObjectNode types = data.putObject("types");
        hints.forEach(types::put);
        return data;
    }

    private static JsonNode image(Optional<Image> image, String pointer, Map<String, String> hints) {
        return image.<JsonNode>map(i -> PlainJson.writeImage(i, pointer, hints)).orElse(Json.NODES.nullNode());
    }
}
