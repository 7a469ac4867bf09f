package dev.distributary.change;

/**
 * A place inside a record, for error messages ({@code dynamodb.NewImage.lines.L[2].M.sku}), built
 * as a chain of segments and turned into text only when an error names it: decoding a valid
 * record builds no strings.
 */
final class Where {
    private static final int ANY_ELEMENT = -1;

    private final Where parent;
    private final String name;
    private final int index;

    private Where(Where parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    static Where root(String path) {
        return new Where(null, path, 0);
    }

    /** {@code path.name} */
    Where field(String field) {
        return new Where(this, field, 0);
    }

    /** {@code path[i]} */
    Where index(int i) {
        return new Where(this, null, i);
    }

    /** {@code path[]}: any element of a set. */
    Where element() {
        return new Where(this, null, ANY_ELEMENT);
    }

    @Override
    public String toString() {
        if (parent == null) {
            return name;
        }
        if (name != null) {
            return parent + "." + name;
        }
        return parent + (index == ANY_ELEMENT ? "[]" : "[" + index + "]");
    }
}
