package dev.distributary.change;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DynamoDB's attribute-value JSON ({@code {"S":"x"}}, {@code {"M":{...}}}, ...) to and from {@link AttributeValue}. */
public final class AttributeValueJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** DynamoDB allows 32 levels of nesting; anything deeper is not a real item. */
    public static final int MAX_DEPTH = 32;

    private AttributeValueJson() {}

    /** Reads an image ({@code {"name": {"S": "x"}, ...}}); {@code path} names it in errors. */
    public static Image readImage(JsonNode node, String path) {
        return readImage(node, Where.root(path));
    }

    static Image readImage(JsonNode node, Where where) {
        if (node == null || !node.isObject()) {
            throw new MalformedRecordException(where + " must be an object of attribute values");
        }
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = name(field.getKey(), where);
            attributes.put(name, read(field.getValue(), where.field(name), 1));
        }
        return new Image(attributes);
    }

    public static AttributeValue read(JsonNode node, String path) {
        return read(node, Where.root(path), 1);
    }

    private static AttributeValue read(JsonNode node, Where where, int depth) {
        if (depth > MAX_DEPTH) {
            throw new MalformedRecordException(where + " is nested deeper than DynamoDB's " + MAX_DEPTH + " levels");
        }
        if (node == null || !node.isObject() || node.size() != 1) {
            throw new MalformedRecordException(
                    where
                            + " must be an attribute value: an object with exactly one type key (S, N, B, SS, NS, BS, M, L, NULL, BOOL)");
        }
        Map.Entry<String, JsonNode> entry = node.fields().next();
        String type = entry.getKey();
        JsonNode value = entry.getValue();
        Where at = where.field(type);
        return switch (type) {
            case "S" -> new AttributeValue.S(text(value, at));
            case "N" -> new AttributeValue.N(number(text(value, at), at));
            case "B" -> binary(value, at);
            case "SS" ->
                new AttributeValue.SS(elements(value, at).stream()
                        .map(e -> text(e, at.element()))
                        .toList());
            case "NS" ->
                new AttributeValue.NS(elements(value, at).stream()
                        .map(e -> number(text(e, at.element()), at.element()))
                        .toList());
            case "BS" ->
                new AttributeValue.BS(elements(value, at).stream()
                        .map(e -> binary(e, at.element()))
                        .toList());
            case "M" -> {
                if (!value.isObject()) {
                    throw new MalformedRecordException(at + " must be an object");
                }
                Map<String, AttributeValue> map = new LinkedHashMap<>();
                value.fields()
                        .forEachRemaining(f ->
                                map.put(name(f.getKey(), at), read(f.getValue(), at.field(f.getKey()), depth + 1)));
                yield new AttributeValue.M(map);
            }
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                List<JsonNode> elements = elements(value, at);
                for (int i = 0; i < elements.size(); i++) {
                    list.add(read(elements.get(i), at.index(i), depth + 1));
                }
                yield new AttributeValue.L(list);
            }
            case "NULL" -> {
                if (!value.isBoolean() || !value.booleanValue()) {
                    throw new MalformedRecordException(at + " must be true");
                }
                yield new AttributeValue.Null();
            }
            case "BOOL" -> {
                if (!value.isBoolean()) {
                    throw new MalformedRecordException(at + " must be true or false");
                }
                yield new AttributeValue.Bool(value.booleanValue());
            }
            default -> throw new MalformedRecordException(where + " has unknown attribute type '" + type + "'");
        };
    }

    public static ObjectNode writeImage(Image image) {
        ObjectNode node = JSON.objectNode();
        image.attributes().forEach((name, value) -> node.set(name, write(value)));
        return node;
    }

    public static ObjectNode write(AttributeValue value) {
        ObjectNode node = JSON.objectNode();
        if (value instanceof AttributeValue.S s) {
            node.put("S", s.value());
        } else if (value instanceof AttributeValue.N n) {
            node.put("N", n.value());
        } else if (value instanceof AttributeValue.B b) {
            node.put("B", b.base64());
        } else if (value instanceof AttributeValue.SS ss) {
            ss.values().forEach(node.putArray("SS")::add);
        } else if (value instanceof AttributeValue.NS ns) {
            ns.values().forEach(node.putArray("NS")::add);
        } else if (value instanceof AttributeValue.BS bs) {
            ArrayNode array = node.putArray("BS");
            bs.values().forEach(b -> array.add(b.base64()));
        } else if (value instanceof AttributeValue.M m) {
            ObjectNode map = node.putObject("M");
            m.values().forEach((k, v) -> map.set(k, write(v)));
        } else if (value instanceof AttributeValue.L l) {
            ArrayNode list = node.putArray("L");
            l.values().forEach(v -> list.add(write(v)));
        } else if (value instanceof AttributeValue.Bool b) {
            node.put("BOOL", b.value());
        } else {
            node.put("NULL", true);
        }
        return node;
    }

    private static String name(String name, Where where) {
        return Unicode.requireValid(name, where, " attribute name");
    }

    private static String text(JsonNode node, Where where) {
        if (node == null || !node.isTextual()) {
            throw new MalformedRecordException(where + " must be a string");
        }
        return Unicode.requireValid(node.textValue(), where, "");
    }

    private static String number(String text, Where where) {
        try {
            new java.math.BigDecimal(text);
            return text;
        } catch (NumberFormatException e) {
            throw new MalformedRecordException(where + " is not a number");
        }
    }

    private static AttributeValue.B binary(JsonNode node, Where where) {
        try {
            return new AttributeValue.B(Base64.getDecoder().decode(text(node, where)));
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException(where + " is not base64");
        }
    }

    private static List<JsonNode> elements(JsonNode node, Where where) {
        if (node == null || !node.isArray()) {
            throw new MalformedRecordException(where + " must be a list");
        }
        List<JsonNode> elements = new ArrayList<>();
        node.forEach(elements::add);
        return elements;
    }
}
