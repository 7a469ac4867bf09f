package dev.distributary.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prices and the modelling assumptions the cost model uses, read from a YAML resource kept in
 * the repository ({@link #DEFAULT_RESOURCE}); every entry carries its unit, source and the date it
 * was checked. A table that lacks an entry the model needs, or whose entry lacks a field, is refused
 * with a {@link PriceTableException} naming both.
 */
public record PriceTable(String region, LocalDate checked, Map<String, Price> prices, Map<String, Price> assumptions) {

    public static final String DEFAULT_RESOURCE = "prices-us-east-1.yaml";

    /** The prices the model reads. */
    public static final List<String> REQUIRED_PRICES = List.of(
            "dynamodb.write-request-unit",
            "dynamodb.read-request-unit",
            "dynamodb.replicated-write-request-unit",
            "dynamodb.stream-read-request-unit",
            "lambda.request",
            "lambda.arm64-gb-second",
            "pipes.request",
            "sns.standard.publish-request",
            "sns.standard.publish-payload-gb",
            "sns.standard.sqs-delivery",
            "sns.standard.sqs-delivery-payload-gb",
            "sns.standard.payload-filtering-gb",
            "sns.fifo.publish-request",
            "sns.fifo.publish-payload-gb",
            "sns.fifo.sqs-delivery",
            "sns.fifo.sqs-delivery-payload-gb",
            "sqs.standard.request",
            "sqs.fifo.request",
            "cloudwatch.logs-ingestion-gb");

    /** The assumptions the model reads. */
    public static final List<String> REQUIRED_ASSUMPTIONS = List.of(
            "latency.dynamodb-round-trip-ms",
            "latency.sns-publish-round-trip-ms",
            "cpu.per-record-ms",
            "lambda.stream-polls-per-second",
            "pipes.stream-polls-per-second",
            "sqs.requests-per-sns-delivery",
            "logs.bytes-per-record.distributary",
            "logs.bytes-per-record.naive",
            "logs.platform-bytes-per-invocation");

    public PriceTable {
        if (region == null || region.isBlank()) {
            throw new PriceTableException("the price table names no region");
        }
        java.util.Objects.requireNonNull(checked, "checked");
        prices = Collections.unmodifiableMap(new LinkedHashMap<>(prices));
        assumptions = Collections.unmodifiableMap(new LinkedHashMap<>(assumptions));
        List<String> missing = new ArrayList<>();
        for (String key : REQUIRED_PRICES) {
            if (!prices.containsKey(key)) {
                missing.add("prices." + key);
            }
        }
        for (String key : REQUIRED_ASSUMPTIONS) {
            if (!assumptions.containsKey(key)) {
                missing.add("assumptions." + key);
            }
        }
        if (!missing.isEmpty()) {
            throw new PriceTableException("the price table lacks " + String.join(", ", missing));
        }
        for (String polls : List.of("lambda.stream-polls-per-second", "pipes.stream-polls-per-second")) {
            if (assumptions.get(polls).value() <= 0) {
                throw new PriceTableException("assumptions." + polls + " must be > 0");
            }
        }
    }

    /** The table shipped with the CLI. */
    public static PriceTable load() {
        return load(DEFAULT_RESOURCE);
    }

    /** A table on the class path, next to this class. */
    public static PriceTable load(String resource) {
        try (InputStream in = PriceTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new PriceTableException("price table " + resource + " is not on the class path");
            }
            return parse(in, resource);
        } catch (IOException e) {
            throw new PriceTableException("price table " + resource + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Parses a table; {@code name} names it in error messages. */
    public static PriceTable parse(InputStream yaml, String name) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException processing
                            && processing.getLocation() != null
                    ? " at line " + processing.getLocation().getLineNr() + ", column "
                            + processing.getLocation().getColumnNr()
                    : "";
            String what = e instanceof com.fasterxml.jackson.core.JsonProcessingException processing
                    ? processing.getOriginalMessage()
                    : e.getMessage();
            throw new PriceTableException(
                    "price table " + name + " is not valid YAML" + where + ": " + firstLine(what), e);
        }
        if (root == null || !root.isObject()) {
            throw new PriceTableException(
                    "price table " + name + " must be a mapping with region, checked, prices and assumptions");
        }
        try {
            String prefix = "price table " + name + ": ";
            return new PriceTable(
                    text(root, "region", prefix),
                    date(root, "checked", prefix),
                    entries(root, "prices", "usd", name),
                    entries(root, "assumptions", "value", name));
        } catch (IllegalArgumentException e) {
            throw new PriceTableException("price table " + name + ": " + e.getMessage(), e);
        } catch (PriceTableException e) {
            throw e.getMessage().startsWith("price table ")
                    ? e
                    : new PriceTableException("price table " + name + ": " + e.getMessage(), e);
        }
    }

    public Price price(String key) {
        return require(prices, "prices", key);
    }

    public Price assumption(String key) {
        return require(assumptions, "assumptions", key);
    }

    /** Every entry, prices first. */
    public List<Price> all() {
        List<Price> all = new ArrayList<>(prices.values());
        all.addAll(assumptions.values());
        return all;
    }

    private static Price require(Map<String, Price> entries, String section, String key) {
        Price price = entries.get(key);
        if (price == null) {
            throw new PriceTableException("the price table has no " + section + "." + key);
        }
        return price;
    }

    private static Map<String, Price> entries(JsonNode root, String section, String valueField, String name) {
        JsonNode node = root.get(section);
        if (node == null || !node.isObject()) {
            throw new PriceTableException("price table " + name + ": '" + section + "' is missing or not a mapping");
        }
        Map<String, Price> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode entry = field.getValue();
            String path = section + "." + key;
            if (!entry.isObject()) {
                throw new PriceTableException("price table " + name + ": " + path + " must be a mapping");
            }
            JsonNode value = entry.get(valueField);
            if (value == null || !value.isNumber()) {
                throw new PriceTableException(
                        "price table " + name + ": " + path + "." + valueField + " is missing or not a number");
            }
            JsonNode verified = entry.get("verified");
            if (verified == null || !verified.isBoolean()) {
                throw new PriceTableException("price table " + name + ": " + path + ".verified must be true or false");
            }
            JsonNode note = entry.get("note");
            try {
                String prefix = "price table " + name + ": " + path + ".";
                entries.put(
                        key,
                        new Price(
                                key,
                                value.doubleValue(),
                                text(entry, "unit", prefix),
                                text(entry, "source", prefix),
                                date(entry, "checked", prefix),
                                verified.booleanValue(),
                                note == null ? "" : note.asText()));
            } catch (IllegalArgumentException e) {
                throw new PriceTableException("price table " + name + ": " + path + ": " + e.getMessage(), e);
            }
        }
        return entries;
    }

    /** {@code prefix} is what the message starts with, e.g. "price table NAME: prices.KEY." */
    private static String text(JsonNode node, String field, String prefix) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new PriceTableException(prefix + field + " is missing or blank");
        }
        return value.asText();
    }

    private static LocalDate date(JsonNode node, String field, String prefix) {
        String text = text(node, field, prefix);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new PriceTableException(prefix + field + " must be a date (YYYY-MM-DD), not '" + text + "'");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
