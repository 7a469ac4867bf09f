package dev.distributary.topology.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.distributary.topology.IntRange;
import dev.distributary.topology.Names;
import dev.distributary.topology.Suggestions;
import dev.distributary.topology.YamlName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A position in a parsed YAML document, with typed accessors that record a problem (with this
 * node's path) instead of throwing, and return a default so that reading can go on and find
 * the next problem.
 */
public final class YamlNode {
    private final JsonNode json;
    private final String path;
    private final Problems problems;

    public YamlNode(JsonNode json, String path, Problems problems) {
        this.json = json == null ? MissingNode.getInstance() : json;
        this.path = path;
        this.problems = problems;
    }

    public String path() {
        return path;
    }

    public boolean isPresent() {
        return !json.isMissingNode() && !json.isNull();
    }

    public YamlNode get(String key) {
        return new YamlNode(json.get(key), path.isEmpty() ? key : path + "." + key, problems);
    }

    public void problem(String message) {
        problems.add(path, message);
    }

    /** True when this node is a mapping; records a problem when it is present but is not. */
    public boolean isMapping() {
        if (json.isObject()) {
            return true;
        }
        if (isPresent()) {
            problem("must be a mapping of keys to values, not " + describe(json));
        }
        return false;
    }

    /** Records a problem for every key of this mapping that is not among the known ones. */
    public void allowOnly(Set<String> known) {
        if (!json.isObject()) {
            return;
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!known.contains(key)) {
                get(key).problem("unknown key" + Suggestions.didYouMean(key, known) + " Known keys here: "
                        + known.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
    }

    /** The entries of a mapping, in file order. */
    public Map<String, YamlNode> entries() {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        if (isMapping()) {
            json.fields().forEachRemaining(e -> entries.put(e.getKey(), get(e.getKey())));
        }
        return entries;
    }

    /** True when this node is a sequence (an empty one included). */
    public boolean isList() {
        return json.isArray();
    }

    /** The elements of a sequence; records a problem when this node is present and is not one. */
    public List<YamlNode> elements() {
        List<YamlNode> elements = new ArrayList<>();
        if (json.isArray()) {
            for (int i = 0; i < json.size(); i++) {
                elements.add(new YamlNode(json.get(i), path + "[" + i + "]", problems));
            }
        } else if (isPresent()) {
            problem("must be a list, not " + describe(json));
        }
        return elements;
    }

    public Optional<String> string() {
        if (json.isTextual()) {
            return Optional.of(json.textValue());
        }
        if (isPresent()) {
            problem("must be a string, not " + describe(json));
        }
        return Optional.empty();
    }

    public Optional<String> requiredString() {
        if (!isPresent()) {
            problem("is required");
            return Optional.empty();
        }
        return string();
    }

    /** A required or optional name checked against a naming rule. */
    public Optional<String> name(Names rule, boolean required) {
        Optional<String> value = required ? requiredString() : string();
        if (value.isPresent() && !rule.accepts(value.get())) {
            problem("'" + value.get() + "' is not a valid name: " + rule.rule());
            return Optional.empty();
        }
        return value;
    }

    public List<String> strings() {
        return elements().stream()
                .map(YamlNode::string)
                .flatMap(Optional::stream)
                .toList();
    }

    public int integer(IntRange range, int defaultValue) {
        if (!isPresent()) {
            return defaultValue;
        }
        if (!json.isIntegralNumber() || !json.canConvertToInt()) {
            problem("must be a whole number from " + range.describe() + ", not " + describe(json));
            return defaultValue;
        }
        int value = json.intValue();
        if (!range.contains(value)) {
            problem(value + " is out of range; allowed: " + range.describe());
            return defaultValue;
        }
        return value;
    }

    public boolean bool(boolean defaultValue) {
        if (!isPresent()) {
            return defaultValue;
        }
        if (!json.isBoolean()) {
            problem("must be true or false, not " + describe(json));
            return defaultValue;
        }
        return json.booleanValue();
    }

    public <E extends Enum<E> & YamlName> E choice(Class<E> type, E defaultValue) {
        if (!isPresent()) {
            return defaultValue;
        }
        return string().flatMap(text -> choice(type, text)).orElse(defaultValue);
    }

    /** Reads one value of the enumeration from this node's text. */
    public <E extends Enum<E> & YamlName> Optional<E> choice(Class<E> type, String text) {
        return choice(Arrays.asList(type.getEnumConstants()), YamlName::yamlName, text);
    }

    /** Reads one of the allowed values, each spelled as {@code spelling} says, from this node's text. */
    public <E> Optional<E> choice(Collection<E> values, Function<E, String> spelling, String text) {
        for (E value : values) {
            if (spelling.apply(value).equals(text)) {
                return Optional.of(value);
            }
        }
        List<String> allowed = values.stream().map(spelling).toList();
        problem("'" + text + "' is not allowed" + Suggestions.didYouMean(text, allowed) + " Allowed: "
                + String.join(", ", allowed));
        return Optional.empty();
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "the string '" + node.textValue() + "'";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isNumber()) {
            return "the number " + node.asText();
        }
        if (node.isBoolean()) {
            return "the boolean " + node.asText();
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
