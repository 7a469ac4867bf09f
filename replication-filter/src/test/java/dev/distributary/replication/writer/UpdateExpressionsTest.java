package dev.distributary.replication.writer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.replication.writer.internal.UpdateExpressions;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class UpdateExpressionsTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "                          | SET #o = :o",
                "SET a = :a                | SET #o = :o, a = :a",
                "set #set = :v             | set #o = :o, #set = :v",
                "REMOVE x                  | REMOVE x SET #o = :o",
                "ADD c :one SET a = :a     | ADD c :one SET #o = :o, a = :a",
                "REMOVE #set               | REMOVE #set SET #o = :o",
                "SET offset = :v           | SET #o = :o, offset = :v"
            })
    void addSet_expression_stampAssignmentAddedToItsSetClause(String expression, String expected) {
        assertThat(UpdateExpressions.addSet(expression, "#o = :o")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "SET #dc = :c                          | eu",
                "SET a = :a, dataClass = :c            | eu",
                "SET #dc = if_not_exists(#dc, :c)      | eu",
                "SET a = :a REMOVE b                   | ",
                "SET #other = :c                       | "
            })
    void assignedValues_expression_valuesOfTheClassAttribute(String expression, String expected) {
        Map<String, String> names = Map.of("#dc", "dataClass", "#other", "otherClass");
        Map<String, AttributeValue> values = Map.of(":c", AttributeValue.fromS("eu"), ":a", AttributeValue.fromS("x"));

        assertThat(UpdateExpressions.assignedValues(expression, names, values, "dataClass"))
                .isEqualTo(expected == null ? java.util.List.of() : java.util.List.of(AttributeValue.fromS(expected)));
    }
}
