package dev.distributary.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaRulesTest {
    private static final String DYNAMODB_PATTERN =
            "{\"dynamodb\":{\"NewImage\":{\"_origin\":{\"S\":[\"eu-west-1\"]}}}}";

    @Test
    void environmentOfExactlyFourKilobytes_isAccepted_oneByteMoreIsRefusedWithLimitSizeAndRemedy() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("A", "x".repeat(4_095));
        assertThat(LambdaRules.environmentBytes(variables)).isEqualTo(4_096);
        assertThat(LambdaRules.environmentProblems("shop-dev-processor", variables))
                .isEmpty();

        variables.put("B", "");
        assertThatThrownBy(() -> LambdaRules.requireEnvironment("shop-dev-processor", variables))
                .isInstanceOf(LambdaRules.LambdaRuleException.class)
                .hasMessage(
                        "the environment of function shop-dev-processor is 4097 bytes; Lambda allows 4096 bytes for all its variables"
                                + " together (names and values), so CreateFunction would fail. The largest is A (4096 bytes): make the platform"
                                + " smaller (fewer or shorter table, consumer, zone and attribute names)");
    }

    @Test
    void environmentSize_countsUtf8BytesOfNamesAndValues() {
        assertThat(LambdaRules.environmentBytes(Map.of("NAME", "é"))).isEqualTo(4 + 2);
    }

    @Test
    void sixFilterPatterns_refusedWithTheLimit() {
        assertThat(LambdaRules.filterProblems("orders in eu-west-1", Collections.nCopies(6, DYNAMODB_PATTERN)))
                .containsExactly(
                        "event source mapping orders in eu-west-1 has 6 filter patterns; Lambda allows at most 5 per mapping: merge patterns,"
                                + " or let more records through and decide in the function's code");
        assertThat(LambdaRules.filterProblems("orders in eu-west-1", Collections.nCopies(5, DYNAMODB_PATTERN)))
                .isEmpty();
    }

    @Test
    void patternLongerThan4096Characters_refusedWithItsLength() {
        String value = "v".repeat(4_100);
        String pattern = "{\"dynamodb\":{\"NewImage\":{\"status\":{\"S\":[\"" + value + "\"]}}}}";

        assertThat(LambdaRules.filterProblems("orders in eu-west-1", List.of(pattern)))
                .containsExactly("filter pattern 1 of event source mapping orders in eu-west-1 is " + pattern.length()
                        + " characters; Lambda allows at most 4096: shorten the attribute names or values it names");
    }

    @Test
    void patternOnTheTopLevelEventNameOrUserIdentity_refused_onlyTheDynamodbKeyIsSupported() {
        List<String> problems = LambdaRules.filterProblems(
                "orders in eu-west-1",
                List.of(DYNAMODB_PATTERN, "{\"eventName\":[\"REMOVE\"],\"userIdentity\":{\"type\":[\"Service\"]}}"));

        assertThat(problems)
                .containsExactly(
                        "filter pattern 2 of event source mapping orders in eu-west-1 filters on 'eventName', but DynamoDB event source mappings"
                                + " only support filtering on the 'dynamodb' key: constrain dynamodb.Keys, NewImage or OldImage instead, or decide it"
                                + " in the function's code",
                        "filter pattern 2 of event source mapping orders in eu-west-1 filters on 'userIdentity', but DynamoDB event source mappings"
                                + " only support filtering on the 'dynamodb' key: constrain dynamodb.Keys, NewImage or OldImage instead, or decide it"
                                + " in the function's code");
    }
}
