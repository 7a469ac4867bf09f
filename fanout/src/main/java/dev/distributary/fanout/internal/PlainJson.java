package dev.distributary.fanout.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.distributary.change.AttributeValue;
import dev.distributary.change.Image;
import dev.distributary.fanout.InvalidEnvelopeException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB attribute values as plain JSON, without loss. S is a string, N a JSON number with its
 * exact decimal value, BOOL a boolean, NULL null, M an object, L an array. The types whose plain
 * form is ambiguous — B (a base64 string), SS, NS and BS (arrays) — are named in a sparse map of
 * type hints from JSON pointer to type ({@code "/after/tags": "SS"}), which {@link #readImage}
 * uses to restore them.
 */
public final class PlainJson {
    /** The types that need a hint. */
    public static final Set<String> HINTED_TYPES = Set.of("B", "SS", "NS", "BS");
    /** DynamoDB allows 32 levels of nesting. */
    private static final int MAX_DEPTH = 32;

    private PlainJson() {}

    /** The image as a plain object; hints for its values go into {@code hints} under {@code pointer}. */
    public static ObjectNode writeImage(Image image, String pointer, Map<String, String> hints) {
        return writeAttributes(image.attributes(), new Pointer(null, pointer), hints);
    }

    /** The image as a plain object, without hints: for people and tools that do not need the exact types. */
    public static ObjectNode writeImage(Image image) {
        return writeImage(image, "", new LinkedHashMap<>());
    }

    public static JsonNode write(AttributeValue value, String pointer, Map<String, String> hints) {
        return write(value, new Pointer(null, pointer), hints);
    }

    private static ObjectNode writeAttributes(
            Map<String, AttributeValue> attributes, Pointer pointer, Map<String, String> hints) {
        ObjectNode object = Json.NODES.objectNode();
        attributes.forEach((name, value) -> object.set(name, write(value, pointer.child(name), hints)));
        return object;
    }

    private static JsonNode write(AttributeValue value, Pointer pointer, Map<String, String> hints) {
        if (HINTED_TYPES.contains(value.type())) {
            hints.put(pointer.toString(), value.type());
        }
        if (value instanceof AttributeValue.S s) {
            return Json.NODES.textNode(s.value());
        } else if (value instanceof AttributeValue.N n) {
            return number(n.value());
        } else if (value instanceof AttributeValue.B b) {
            return Json.NODES.textNode(b.base64());
        } else if (value instanceof AttributeValue.SS ss) {
            ArrayNode array = Json.NODES.arrayNode();
            ss.values().forEach(array::add);
            return array;
        } else if (value instanceof AttributeValue.NS ns) {
            ArrayNode array = Json.NODES.arrayNode();
            ns.values().forEach(n -> array.add(number(n)));
            return array;
        } else if (value instanceof AttributeValue.BS bs) {
            ArrayNode array = Json.NODES.arrayNode();
            bs.values().forEach(b -> array.add(b.base64()));
            return array;
        } else if (value instanceof AttributeValue.M m) {
            return writeAttributes(m.values(), pointer, hints);
        } else if (value instanceof AttributeValue.L l) {
            ArrayNode array = Json.NODES.arrayNode();
            for (int i = 0; i < l.values().size(); i++) {
                array.add(write(l.values().get(i), pointer.child(Integer.toString(i)), hints));
            }
            return array;
        } else if (value instanceof AttributeValue.Bool b) {
            return Json.NODES.booleanNode(b.value());
        }
        return Json.NODES.nullNode();
    }

    /** A JSON pointer built as a chain and turned into text only when a hint needs it. */
    private record Pointer(Pointer parent, String segment) {
        Pointer child(String name) {
            return new Pointer(this, name);
        }

        @Override
        public String toString() {
            return parent == null ? segment : parent + "/" + Json.pointerSegment(segment);
        }
    }

    /**
     * Reads a plain object back into an image. Every hint under {@code pointer} that is used is
     * removed from {@code hints}, so the caller can refuse hints that named nothing.
     */
    public static Image readImage(JsonNode node, String pointer, Map<String, String> hints) {
        if (node == null || !node.isObject()) {
            throw invalid(pointer, "must be an object of attributes");
        }
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            attributes.put(
                    field.getKey(),
                    read(field.getValue(), pointer + "/" + Json.pointerSegment(field.getKey()), hints, 1));
        }
        return new Image(attributes);
    }

    private static AttributeValue read(JsonNode node, String pointer, Map<String, String> hints, int depth) {
        if (depth > MAX_DEPTH) {
            throw invalid(pointer, "is nested deeper than DynamoDB's " + MAX_DEPTH + " levels");
        }
        String hint = hints.remove(pointer);
        if (hint != null) {
            return hinted(node, pointer, hint);
        }
        if (node.isTextual()) {
            return new AttributeValue.S(node.textValue());
        } else if (node.isNumber()) {
            return new AttributeValue.N(numberText(node));
        } else if (node.isBoolean()) {
            return new AttributeValue.Bool(node.booleanValue());
        } else if (node.isNull()) {
            return new AttributeValue.Null();
        } else if (node.isObject()) {
            Map<String, AttributeValue> map = new LinkedHashMap<>();
            node.fields()
                    .forEachRemaining(f -> map.put(
                            f.getKey(),
                            read(f.getValue(), pointer + "/" + Json.pointerSegment(f.getKey()), hints, depth + 1)));
            return new AttributeValue.M(map);
        } else if (node.isArray()) {
            List<AttributeValue> list = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                list.add(read(node.get(i), pointer + "/" + i, hints, depth + 1));
            }
            return new AttributeValue.L(list);
        }
        throw invalid(pointer, "is not a JSON value an attribute can have");
    }

    private static AttributeValue hinted(JsonNode node, String pointer, String hint) {
        switch (hint) {
            case "B" -> {
                return binary(node, pointer);
            }
            case "SS" -> {
                List<String> values = new ArrayList<>();
                elements(node, pointer, hint).forEach(e -> {
                    if (!e.isTextual()) {
                        throw invalid(pointer, "is typed SS but holds a value that is not a string");
                    }
                    values.add(e.textValue());
                });
                return new AttributeValue.SS(values);
            }
            case "NS" -> {
                List<String> values = new ArrayList<>();
                elements(node, pointer, hint).forEach(e -> {
                    if (!e.isNumber()) {
                        throw invalid(pointer, "is typed NS but holds a value that is not a number");
                    }
                    values.add(numberText(e));
                });
                return new AttributeValue.NS(values);
            }
            case "BS" -> {
                List<AttributeValue.B> values = new ArrayList<>();
                elements(node, pointer, hint).forEach(e -> values.add(binary(e, pointer)));
                return new AttributeValue.BS(values);
            }
            default -> throw invalid(pointer, "has type hint '" + hint + "'; hints are B, SS, NS and BS");
        }
    }

    private static List<JsonNode> elements(JsonNode node, String pointer, String hint) {
        if (!node.isArray()) {
            throw invalid(pointer, "is typed " + hint + " but is not an array");
        }
        List<JsonNode> elements = new ArrayList<>();
        node.forEach(elements::add);
        return elements;
    }

    private static AttributeValue.B binary(JsonNode node, String pointer) {
        if (!node.isTextual()) {
            throw invalid(pointer, "is typed B but is not a base64 string");
        }
        try {
            return new AttributeValue.B(Base64.getDecoder().decode(node.textValue()));
        } catch (IllegalArgumentException e) {
            throw invalid(pointer, "is typed B but is not base64: " + e.getMessage());
        }
    }

    private static JsonNode number(String text) {
        return Json.NODES.numberNode(new BigDecimal(text));
    }

    /** The decimal text of a number read with exact decimals. */
    private static String numberText(JsonNode node) {
        return node.isIntegralNumber()
                ? node.bigIntegerValue().toString()
                : node.decimalValue().toString();
    }

    private static InvalidEnvelopeException invalid(String pointer, String problem) {
        return new InvalidEnvelopeException("data" + pointer + " " + problem);
    }
}
