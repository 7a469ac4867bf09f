package dev.distributary.topology;

import java.util.regex.Pattern;

/** The naming rules of platform.yaml, each with the sentence that explains it to a user. */
public enum Names {
    PLATFORM("[a-z][a-z0-9-]{0,19}", "1–20 characters: lower-case letters, digits and '-', starting with a letter"),
    ENVIRONMENT("[a-z][a-z0-9-]{0,11}", "1–12 characters: lower-case letters, digits and '-', starting with a letter"),
    TABLE("[A-Za-z0-9_.-]{3,255}", "3–255 characters: letters, digits, '_', '-' and '.' (DynamoDB's table-name rule)"),
    ATTRIBUTE("[^\\s]{1,255}", "1–255 characters without spaces"),
    ZONE("[a-z][a-z0-9-]{0,31}", "1–32 characters: lower-case letters, digits and '-', starting with a letter"),
    DATA_CLASS("[a-z][a-z0-9-]{0,31}", "1–32 characters: lower-case letters, digits and '-', starting with a letter"),
    CONSUMER(
            "[a-z][a-z0-9-]{0,31}",
            "1–32 characters: lower-case letters, digits and '-', starting with a letter (it names SQS queues)"),
    FILTER_ATTRIBUTE(
            "[A-Za-z0-9_-]{1,64}",
            "1–64 characters: letters, digits, '_' and '-' (it becomes an SNS message attribute)");

    private final Pattern pattern;
    private final String rule;

    Names(String regex, String rule) {
        this.pattern = Pattern.compile(regex);
        this.rule = rule;
    }

    public boolean accepts(String name) {
        return name != null && pattern.matcher(name).matches();
    }

    /** The rule in words, for error messages. */
    public String rule() {
        return rule;
    }

    /** Throws when the name breaks the rule; for the records' own constructors. */
    public String require(String name, String what) {
        if (!accepts(name)) {
            throw new IllegalArgumentException(what + " '" + name + "' is not valid: " + rule);
        }
        return name;
    }

    static String requireAttributeName(String name, String what) {
        return ATTRIBUTE.require(name, what);
    }
}
