package dev.distributary.fanout.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.distributary.change.Image;
import dev.distributary.change.Operation;
import dev.distributary.fanout.ChangeEvent;
import dev.distributary.fanout.EnvelopeSchema;
import dev.distributary.fanout.InvalidEnvelopeException;
import dev.distributary.fanout.OriginKind;
import dev.distributary.fanout.UnsupportedSchemaException;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import io.cloudevents.jackson.JsonCloudEventData;
import java.net.URI;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an envelope into a {@link ChangeEvent}, refusing anything that is not one with the reason. */
public final class EnvelopeReader {
    private static final Pattern TABLE_ARN =
            Pattern.compile("arn:aws[a-z-]*:dynamodb:([a-z0-9-]+):[0-9]*:table/([^/]+)");

    private EnvelopeReader() {}

    public static ChangeEvent read(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidEnvelopeException("the message is empty; an envelope is CloudEvents structured JSON");
        }
        CloudEvent event;
        try {
            event = Json.MAPPER.readValue(json, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new InvalidEnvelopeException("not CloudEvents structured JSON: " + e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            throw new InvalidEnvelopeException("not CloudEvents structured JSON: " + e.getMessage(), e);
        }
        if (event.getSpecVersion() != SpecVersion.V1) {
            throw new InvalidEnvelopeException(
                    "specversion is " + event.getSpecVersion() + "; envelopes are CloudEvents 1.0");
        }
        URI dataSchema = event.getDataSchema();
        if (dataSchema == null) {
            throw new InvalidEnvelopeException(
                    "dataschema is missing; a Distributary envelope names its schema version (" + EnvelopeSchema.ID
                            + ")");
        }
        if (!EnvelopeSchema.isSupported(dataSchema)) {
            if (EnvelopeSchema.majorOf(dataSchema).isPresent()) {
                throw new UnsupportedSchemaException(dataSchema);
            }
            throw new InvalidEnvelopeException("dataschema '" + dataSchema + "' is not a Distributary envelope schema ("
                    + EnvelopeSchema.ID + ")");
        }
        Matcher arn = TABLE_ARN.matcher(event.getSource().toString());
        if (!arn.matches()) {
            throw new InvalidEnvelopeException("source '" + event.getSource() + "' is not a DynamoDB table ARN");
        }
        if (event.getSubject() == null) {
            throw new InvalidEnvelopeException("subject (the item's key) is missing");
        }
        if (event.getTime() == null) {
            throw new InvalidEnvelopeException("time (the write time) is missing");
        }
        OriginKind originKind = OriginKind.fromWireName(extension(event, EnvelopeWriter.ORIGIN_KIND))
                .orElseThrow(() -> new InvalidEnvelopeException("originkind must be local or replica"));
        JsonNode data = data(event);
        Map<String, String> hints = hints(data);
        Operation op = Operation.fromWireName(data.path("op").asText(""))
                .orElseThrow(() ->
                        new InvalidEnvelopeException("data.op must be insert, modify, remove, tombstone or expire"));
        Optional<String> originRegion = optionalExtension(event, EnvelopeWriter.ORIGIN_REGION);
        if (originRegion.isEmpty() && originKind == OriginKind.LOCAL) {
            throw new InvalidEnvelopeException(
                    "originregion is missing; a local change always names the region it was written in");
        }
        JsonNode truncated = data.get("truncated");
        if (truncated == null || !truncated.isBoolean()) {
            throw new InvalidEnvelopeException("data.truncated must be true or false");
        }
        Image keys = PlainJson.readImage(data.get("keys"), "/keys", hints);
        Optional<Image> before = optionalImage(data, "before", hints);
        Optional<Image> after = optionalImage(data, "after", hints);
        if (!hints.isEmpty()) {
            throw new InvalidEnvelopeException(
                    "data.types names " + hints.keySet() + ", which are not values of keys, before or after");
        }
        return new ChangeEvent(
                event.getId(),
                event.getSource(),
                event.getType(),
                event.getSubject(),
                event.getTime().toInstant(),
                dataSchema,
                arn.group(2),
                arn.group(1),
                optionalExtension(event, EnvelopeWriter.ENTITY_TYPE),
                originRegion,
                originKind,
                extension(event, EnvelopeWriter.RESIDENCY),
                extension(event, EnvelopeWriter.SEQUENCE),
                op,
                keys,
                before,
                after,
                truncated.booleanValue());
    }

    private static JsonNode data(CloudEvent event) {
        CloudEventData data = event.getData();
        if (data == null) {
            throw new InvalidEnvelopeException("data is missing");
        }
        if (!(data instanceof JsonCloudEventData json)) {
            throw new InvalidEnvelopeException("data must be JSON (datacontenttype " + EnvelopeSchema.DATA_CONTENT_TYPE
                    + "), not " + event.getDataContentType());
        }
        JsonNode node = json.getNode();
        if (node == null || !node.isObject()) {
            throw new InvalidEnvelopeException(
                    "data must be an object with op, keys, before, after, truncated and types");
        }
        return node;
    }

    private static Map<String, String> hints(JsonNode data) {
        JsonNode types = data.get("types");
        Map<String, String> hints = new LinkedHashMap<>();
        if (types == null || types.isNull()) {
            return hints;
        }
        if (!types.isObject()) {
            throw new InvalidEnvelopeException("data.types must be an object of JSON pointers to B, SS, NS or BS");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = types.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String type = field.getValue().asText("");
            if (!field.getValue().isTextual() || !PlainJson.HINTED_TYPES.contains(type)) {
                throw new InvalidEnvelopeException("data.types[" + field.getKey() + "] must be B, SS, NS or BS");
            }
            hints.put(field.getKey(), type);
        }
        return hints;
    }

    private static Optional<Image> optionalImage(JsonNode data, String field, Map<String, String> hints) {
        JsonNode node = data.get(field);
        return node == null || node.isNull()
                ? Optional.empty()
                : Optional.of(PlainJson.readImage(node, "/" + field, hints));
    }

    private static String extension(CloudEvent event, String name) {
        return optionalExtension(event, name)
                .orElseThrow(
                        () -> new InvalidEnvelopeException("extension attribute " + name + " is missing or empty"));
    }

    private static Optional<String> optionalExtension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return Optional.ofNullable(value).map(Object::toString).filter(text -> !text.isEmpty());
    }
}
