package dev.distributary.change;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An item image (keys, old or new image of a stream record): attribute names to values, in order. */
public record Image(Map<String, AttributeValue> attributes) {

    public static final Image EMPTY = new Image(Map.of());

    public Image {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    public Optional<AttributeValue> get(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** The attribute's text when it is an S; empty when it is absent or of another type. */
    public Optional<String> string(String name) {
        return get(name).filter(AttributeValue.S.class::isInstance).map(v -> ((AttributeValue.S) v).value());
    }

    /** The attribute's decimal text when it is an N. */
    public Optional<String> number(String name) {
        return get(name).filter(AttributeValue.N.class::isInstance).map(v -> ((AttributeValue.N) v).value());
    }

    /** The attribute when it is a BOOL. */
    public Optional<Boolean> bool(String name) {
        return get(name).filter(AttributeValue.Bool.class::isInstance).map(v -> ((AttributeValue.Bool) v).value());
    }

    public boolean contains(String name) {
        return attributes.containsKey(name);
    }

    public boolean isEmpty() {
        return attributes.isEmpty();
    }
}
