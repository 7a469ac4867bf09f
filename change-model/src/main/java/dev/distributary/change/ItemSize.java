package dev.distributary.change;

import java.util.Map;

/**
 * An item's size as DynamoDB counts it against its 400 KB limit, computed so that it never
 * exceeds DynamoDB's own figure: attribute names and strings in UTF-8 bytes, a number one byte
 * per two significant digits plus one, binary its bytes, a boolean or null one byte, a list or
 * map three bytes plus its elements (and, for a map, their names). A record whose image is larger
 * than the limit by this count cannot have come from DynamoDB.
 */
public final class ItemSize {
    /** DynamoDB's maximum item size, 400 KB. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {}

    public static long of(Image image) {
        return attributes(image.attributes());
    }

    private static long attributes(Map<String, AttributeValue> attributes) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
            size += utf8(attribute.getKey()) + value(attribute.getValue());
        }
        return size;
    }

    private static long value(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return utf8(s.value());
        }
        if (value instanceof AttributeValue.N n) {
            return number(n.value());
        }
        if (value instanceof AttributeValue.B b) {
            return b.value().length;
        }
        if (value instanceof AttributeValue.SS ss) {
            return ss.values().stream().mapToLong(ItemSize::utf8).sum();
        }
        if (value instanceof AttributeValue.NS ns) {
            return ns.values().stream().mapToLong(ItemSize::number).sum();
        }
        if (value instanceof AttributeValue.BS bs) {
            return bs.values().stream().mapToLong(b -> b.value().length).sum();
        }
        if (value instanceof AttributeValue.M m) {
            return 3 + attributes(m.values());
        }
        if (value instanceof AttributeValue.L l) {
            return 3 + l.values().stream().mapToLong(ItemSize::value).sum();
        }
        return 1;
    }

    /** One byte per two significant digits (the mantissa's, without leading and trailing zeros), plus one. */
    private static long number(String text) {
        int first = -1;
        int last = -1;
        int position = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                break;
            }
            if (c >= '0' && c <= '9') {
                if (c != '0') {
                    first = first < 0 ? position : first;
                    last = position;
                }
                position++;
            }
        }
        int digits = first < 0 ? 0 : last - first + 1;
        return (Math.max(1, digits) + 1L) / 2 + 1;
    }

    /** UTF-8 length without encoding: one byte below U+0080, two below U+0800, four for a surrogate pair, else three. */
    private static long utf8(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
