package dev.distributary.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rules Lambda enforces when a function or an event source mapping is created, and which the
 * emulator does not: the synthesized stacks and the local run both check them here, so a platform
 * that AWS would refuse fails before deployment with a message naming the limit, the size and what
 * to do. Sources: the Lambda quotas page (environment variables), the Lambda developer guide's
 * page on event filtering for DynamoDB, and CloudFormation's {@code AWS::Lambda::EventSourceMapping
 * Filter.Pattern}.
 */
public final class LambdaRules {
    /** All of a function's environment variables together, names and values, in bytes. */
    public static final int MAX_ENVIRONMENT_BYTES = 4_096;
    /** Filters in one event source mapping's FilterCriteria (the default quota). */
    public static final int MAX_FILTERS = 5;
    /** Characters in one filter pattern. */
    public static final int MAX_FILTER_PATTERN_LENGTH = 4_096;
    /** The only key a DynamoDB event source mapping's filter may constrain. */
    public static final String DYNAMODB_FILTER_KEY = "dynamodb";

    private static final ObjectMapper JSON = new ObjectMapper();

    private LambdaRules() {}

    /** The size Lambda counts: every variable's name and value, in UTF-8 bytes. */
    public static int environmentBytes(Map<String, String> variables) {
        return variables.entrySet().stream()
                .mapToInt(e -> e.getKey().getBytes(StandardCharsets.UTF_8).length
                        + e.getValue().getBytes(StandardCharsets.UTF_8).length)
                .sum();
    }

    /** The environment's problem, if it breaks the limit. */
    public static List<String> environmentProblems(String function, Map<String, String> variables) {
        int bytes = environmentBytes(variables);
        if (bytes <= MAX_ENVIRONMENT_BYTES) {
            return List.of();
        }
        String largest = variables.entrySet().stream()
                .max(Map.Entry.comparingByValue((a, b) -> Integer.compare(a.length(), b.length())))
                .map(e ->
                        e.getKey() + " (" + (e.getKey().length() + e.getValue().length()) + " bytes)")
                .orElse("");
        return List.of("the environment of function " + function + " is " + bytes + " bytes; Lambda allows "
                + MAX_ENVIRONMENT_BYTES
                + " bytes for all its variables together (names and values), so CreateFunction would fail. The largest is "
                + largest
                + ": make the platform smaller (fewer or shorter table, consumer, zone and attribute names)");
    }

    /**
     * Refuses an environment that Lambda would refuse.
     *
     * @throws LambdaRuleException when the environment breaks the limit
     */
    public static void requireEnvironment(String function, Map<String, String> variables) {
        environmentProblems(function, variables).stream().findFirst().ifPresent(problem -> {
            throw new LambdaRuleException(problem);
        });
    }

    /**
     * What is wrong with a DynamoDB event source mapping's filter patterns: more than
     * {@value #MAX_FILTERS}, a pattern longer than {@value #MAX_FILTER_PATTERN_LENGTH} characters, a
     * pattern that is not a JSON object, or one that filters on a key other than {@code dynamodb}.
     *
     * @param mapping names the mapping in the messages
     */
    public static List<String> filterProblems(String mapping, List<String> patterns) {
        List<String> problems = new ArrayList<>();
        if (patterns.size() > MAX_FILTERS) {
            problems.add("event source mapping " + mapping + " has " + patterns.size()
                    + " filter patterns; Lambda allows at most " + MAX_FILTERS
                    + " per mapping: merge patterns, or let more records through and decide in the function's code");
        }
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = patterns.get(i);
            String which = "filter pattern " + (i + 1) + " of event source mapping " + mapping;
            if (pattern.length() > MAX_FILTER_PATTERN_LENGTH) {
                problems.add(which + " is " + pattern.length() + " characters; Lambda allows at most "
                        + MAX_FILTER_PATTERN_LENGTH + ": shorten the attribute names or values it names");
            }
            JsonNode node;
            try {
                node = JSON.readTree(pattern);
            } catch (JsonProcessingException e) {
                problems.add(which + " is not JSON: " + e.getOriginalMessage());
                continue;
            }
            if (node == null || !node.isObject()) {
                problems.add(which + " is not a JSON object: " + pattern);
                continue;
            }
            node.fieldNames().forEachRemaining(key -> {
                if (!key.equals(DYNAMODB_FILTER_KEY)) {
                    problems.add(which + " filters on '" + key
                            + "', but DynamoDB event source mappings only support filtering on the '"
                            + DYNAMODB_FILTER_KEY
                            + "' key: constrain dynamodb.Keys, NewImage or OldImage instead, or decide it in the"
                            + " function's code");
                }
            });
        }
        return problems;
    }

    /**
     * Refuses filter patterns that Lambda would refuse.
     *
     * @throws LambdaRuleException naming every problem of the patterns
     */
    public static void requireFilters(String mapping, List<String> patterns) {
        List<String> problems = filterProblems(mapping, patterns);
        if (!problems.isEmpty()) {
            throw new LambdaRuleException(String.join("; ", problems));
        }
    }

    /** A function or mapping that Lambda would refuse; the message names the limit, the size and what to do. */
    public static final class LambdaRuleException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public LambdaRuleException(String message) {
            super(message);
        }
    }
}
