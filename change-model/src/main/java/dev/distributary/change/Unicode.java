package dev.distributary.change;

/**
 * DynamoDB strings and names are UTF-8, so a Java string taken from a real record never holds a
 * surrogate without its pair. One that does (a JSON {@code \ud800} escape, say) cannot be
 * encoded, published or queued faithfully, so the record is malformed.
 */
final class Unicode {
    private Unicode() {}

    /** The text, or {@link MalformedRecordException} naming {@code path} and the position of the first lone surrogate. */
    static String requireValid(String text, String path) {
        return requireValid(text, Where.root(path), "");
    }

    /** The same, naming {@code where} followed by {@code what} (built only when the text is invalid). */
    static String requireValid(String text, Where where, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
                continue;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw lone(c, i, where + what);
            }
            if (Character.isLowSurrogate(c)) {
                throw lone(c, i, where + what);
            }
        }
        return text;
    }

    private static MalformedRecordException lone(char c, int index, String path) {
        return new MalformedRecordException(path + " is not valid Unicode: a lone surrogate \\u"
                + String.format("%04X", (int) c) + " at character " + index);
    }
}
