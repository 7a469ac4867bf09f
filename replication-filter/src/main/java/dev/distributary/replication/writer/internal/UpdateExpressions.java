package dev.distributary.replication.writer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Just enough of DynamoDB's update-expression grammar to add SET actions and to find what an attribute is set to. */
public final class UpdateExpressions {
    /** The SET keyword where it starts a clause (not inside a name or placeholder such as {@code #set}). */
    private static final Pattern SET_CLAUSE = Pattern.compile("(?i)(?<![#:\\w.])SET(?=\\s)");

    private static final Pattern RAW_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern VALUE_TOKEN = Pattern.compile(":[A-Za-z0-9_]+");

    private UpdateExpressions() {}

    /** The expression with {@code assignments} ({@code "#a = :a, #b = :b"}) added to its SET clause, or a new SET clause. */
    public static String addSet(String expression, String assignments) {
        if (expression == null || expression.isBlank()) {
            return "SET " + assignments;
        }
        Matcher set = SET_CLAUSE.matcher(expression);
        if (!set.find()) {
            return expression.strip() + " SET " + assignments;
        }
        return expression.substring(0, set.end()) + " " + assignments + "," + expression.substring(set.end());
    }

    /** Whether the update already names the attribute (through a placeholder or as a raw name). */
    public static boolean names(String expression, Map<String, String> names, String attribute) {
        if (names.containsValue(attribute)) {
            return true;
        }
        return expression != null
                && RAW_NAME.matcher(attribute).matches()
                && Pattern.compile("(?<![#:\\w.])" + Pattern.quote(attribute) + "(?![\\w])")
                        .matcher(expression)
                        .find();
    }

    /**
     * The values an update's SET clause assigns to the attribute (every {@code :value} on the right of
     * {@code attribute = ...}, so {@code if_not_exists(#c, :v)} counts too); empty when it does not set it.
     */
    public static List<AttributeValue> assignedValues(
            String expression, Map<String, String> names, Map<String, AttributeValue> values, String attribute) {
        List<AttributeValue> assigned = new ArrayList<>();
        if (expression == null) {
            return assigned;
        }
        List<String> tokens = new ArrayList<>();
        names.forEach((placeholder, name) -> {
            if (name.equals(attribute)) {
                tokens.add(placeholder);
            }
        });
        if (RAW_NAME.matcher(attribute).matches()) {
            tokens.add(attribute);
        }
        for (String token : tokens) {
            Matcher assignment = Pattern.compile("(?<![#:\\w.])" + Pattern.quote(token)
                            + "\\s*=\\s*(.+?)(?=,\\s*[#A-Za-z]|\\s+(?i:SET|REMOVE|ADD|DELETE)\\s|$)")
                    .matcher(expression);
            while (assignment.find()) {
                Matcher value = VALUE_TOKEN.matcher(assignment.group(1));
                while (value.find()) {
                    AttributeValue v = values.get(value.group());
                    if (v != null) {
                        assigned.add(v);
                    }
                }
            }
        }
        return assigned;
    }
}
