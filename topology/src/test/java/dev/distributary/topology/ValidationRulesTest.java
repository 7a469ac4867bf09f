package dev.distributary.topology;

import static dev.distributary.topology.Platforms.BASE;
import static dev.distributary.topology.Platforms.baseWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every validation rule, each with a failing example and the message the user sees. */
class ValidationRulesTest {

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("malformed YAML", "regions: [us-east-1\ntables: x", "", "malformed YAML at line"),
                rule("empty file", "   \n", "", "is empty; a platform file needs at least 'regions' and 'tables'"),
                rule("only a comment", "# nothing here\n", "", "holds no settings"),
                rule("top level not a mapping", "- us-east-1\n", "", "must be a mapping of keys to values, not a list"),
                rule("duplicate YAML key", BASE + "name: again\n", "", "Duplicate field 'name'"),
                rule(
                        "unknown top-level key suggests the closest",
                        BASE.replace("regions:", "regoins:"),
                        "regoins",
                        "unknown key; did you mean 'regions'?"),
                rule(
                        "unknown nested key suggests the closest",
                        baseWith("sortKey:", "sortkey:"),
                        "tables[0].sortkey",
                        "unknown key; did you mean 'sortKey'? Known keys here:"),
                rule(
                        "wrong type: number expected",
                        baseWith("batchSize: 100", "batchSize: lots"),
                        "processor.batchSize",
                        "must be a whole number from 1 to 10000, not the string 'lots'"),
                rule(
                        "wrong type: list expected",
                        baseWith("regions: [us-east-1, eu-west-1, ap-southeast-2]", "regions: us-east-1"),
                        "regions",
                        "must be a list, not the string 'us-east-1'"),
                rule(
                        "wrong type: boolean expected",
                        baseWith("batchSize: 100", "bisectOnError: sometimes"),
                        "processor.bisectOnError",
                        "must be true or false, not the string 'sometimes'"),
                rule(
                        "wrong type: mapping expected",
                        baseWith("partitionKey: {name: customerId, type: S}", "partitionKey: customerId"),
                        "tables[1].partitionKey",
                        "must be a mapping of keys to values, not the string 'customerId'"),
                rule(
                        "unknown enum value suggests the closest",
                        baseWith("mode: multi-writer", "mode: multiwriter"),
                        "routing.mode",
                        "'multiwriter' is not allowed; did you mean 'multi-writer'? Allowed: multi-writer, primary-region"),
                rule(
                        "region that is not an AWS region",
                        baseWith(
                                "regions: [us-east-1, eu-west-1, ap-southeast-2]",
                                "regions: [us-east-1, eu-west-1, ap-southeast-2, eu-westt-1]"),
                        "regions[3]",
                        "'eu-westt-1' is not an AWS region; did you mean 'eu-west-1'?"),
                rule(
                        "region listed twice",
                        baseWith(
                                "regions: [us-east-1, eu-west-1, ap-southeast-2]",
                                "regions: [us-east-1, eu-west-1, ap-southeast-2, us-east-1]"),
                        "regions[3]",
                        "region 'us-east-1' is listed twice"),
                rule(
                        "regions missing",
                        baseWith("regions: [us-east-1, eu-west-1, ap-southeast-2]\n", ""),
                        "regions",
                        "is required: list the AWS regions"),
                rule(
                        "primary not among the regions",
                        baseWith("primary: us-east-1", "primary: us-west-2"),
                        "routing.primary",
                        "primary 'us-west-2' is not among the platform's regions [us-east-1, eu-west-1, ap-southeast-2]"),
                rule(
                        "primary-region mode without a primary",
                        baseWith("  mode: multi-writer\n  primary: us-east-1", "  mode: primary-region"),
                        "routing.primary",
                        "is required when mode is primary-region"),
                rule(
                        "duplicate table name",
                        baseWith("name: eu-customers", "name: orders"),
                        "tables[1].name",
                        "table 'orders' is defined twice; table names must be unique"),
                rule(
                        "duplicate consumer name",
                        baseWith("name: crm-sync", "name: billing"),
                        "fanout.consumers[1].name",
                        "consumer 'billing' is defined twice"),
                rule(
                        "consumer named like the dead-letter queue of another",
                        baseWith("name: crm-sync", "name: billing-dlq"),
                        "fanout.consumers[1].name",
                        "consumer 'billing-dlq' would have a queue named shop-ENV-billing-dlq, which is consumer"
                                + " 'billing''s dead-letter queue; two queues cannot share a name in a region, so choose another name"),
                rule(
                        "consumer named like the quarantine queue",
                        baseWith("name: crm-sync", "name: quarantine"),
                        "fanout.consumers[1].name",
                        "consumer name 'quarantine' is reserved: its queue would be named shop-ENV-quarantine, like"
                                + " the region's own quarantine resource; choose another name (reserved: events, quarantine, stream-failures,"
                                + " idempotency, processor)"),
                rule(
                        "consumer named like the on-failure queue",
                        baseWith("name: crm-sync", "name: stream-failures"),
                        "fanout.consumers[1].name",
                        "consumer name 'stream-failures' is reserved"),
                rule(
                        "zone with a region outside regions",
                        baseWith("eu: [eu-west-1]", "eu: [eu-west-1, eu-central-1]"),
                        "residency.zones.eu[1]",
                        "region 'eu-central-1' of zone 'eu' is not among the platform's regions"),
                rule(
                        "zone with no regions",
                        baseWith("eu: [eu-west-1]", "eu: []"),
                        "residency.zones.eu",
                        "zone 'eu' must list at least one region"),
                rule(
                        "class mapped to an unknown zone",
                        baseWith("eu-personal: eu", "eu-personal: europe"),
                        "residency.classes.eu-personal",
                        "class 'eu-personal' maps to unknown zone 'europe'. Zones: global, eu"),
                rule(
                        "default class that is not a class",
                        baseWith("defaultClass: public", "defaultClass: open"),
                        "residency.defaultClass",
                        "'open' is not one of the classes"),
                rule(
                        "table in an unknown zone",
                        baseWith("zone: eu\n", "zone: emea\n"),
                        "tables[1].zone",
                        "unknown zone 'emea'. Zones: global, eu"),
                rule(
                        "table with an unknown class",
                        baseWith("dataClass: eu-personal", "dataClass: eu-persona"),
                        "tables[1].dataClass",
                        "unknown data class 'eu-persona'; did you mean 'eu-personal'?"),
                rule(
                        "table name DynamoDB would refuse",
                        baseWith("name: orders", "name: o"),
                        "tables[0].name",
                        "'o' is not a valid name: 3–255 characters"),
                rule(
                        "table without a partition key",
                        baseWith("    partitionKey: {name: pk, type: S}\n", ""),
                        "tables[0].partitionKey",
                        "is required"),
                rule(
                        "sort key equal to the partition key",
                        baseWith("sortKey: {name: sk, type: S}", "sortKey: {name: pk, type: S}"),
                        "tables[0].sortKey",
                        "the sort key must differ from the partition key 'pk'"),
                rule(
                        "consumer naming an unknown table",
                        baseWith("tables: [orders]", "tables: [order]"),
                        "fanout.consumers[0].tables[0]",
                        "unknown table 'order'; did you mean 'orders'? Known tables: orders, eu-customers"),
                rule(
                        "consumer naming an unknown region",
                        baseWith("regions: [eu-west-1]", "regions: [eu-west-2]"),
                        "fanout.consumers[1].regions[0]",
                        "unknown region 'eu-west-2'; did you mean 'eu-west-1'?"),
                rule(
                        "consumer event name that does not exist",
                        baseWith("origin: local", "eventNames: [INSERT, DELETE]"),
                        "fanout.consumers[0].eventNames[1]",
                        "'DELETE' is not allowed. Allowed: INSERT, MODIFY, REMOVE, EXPIRE"),
                rule(
                        "consumer event name that is an operation only (a tombstone is a REMOVE)",
                        baseWith("origin: local", "eventNames: [TOMBSTONE]"),
                        "fanout.consumers[0].eventNames[0]",
                        "'TOMBSTONE' is not allowed. Allowed: INSERT, MODIFY, REMOVE, EXPIRE"),
                rule(
                        "consumer with too many filter attributes",
                        baseWith("origin: local", "filters: {a: [x], b: [x], c: [x], d: [x], e: [x]}"),
                        "fanout.consumers[0].filters",
                        "filters on 5 attributes; at most 4"),
                rule(
                        "consumer region without a replica of its table",
                        baseWith("regions: [eu-west-1]", "regions: [eu-west-1, us-east-1]"),
                        "fanout.consumers[1].regions",
                        "residency: consumer 'crm-sync' would receive table 'eu-customers' (class 'eu-personal') in us-east-1"),
                rule(
                        "batch size out of range",
                        baseWith("batchSize: 100", "batchSize: 10001"),
                        "processor.batchSize",
                        "10001 is out of range; allowed: 1 to 10000"),
                rule(
                        "batching window out of range",
                        baseWith("batchSize: 100", "batchingWindowSeconds: 301"),
                        "processor.batchingWindowSeconds",
                        "301 is out of range; allowed: 0 to 300"),
                rule(
                        "retries out of range",
                        baseWith("batchSize: 100", "maximumRetryAttempts: -2"),
                        "processor.maximumRetryAttempts",
                        "-2 is out of range; allowed: -1 (unlimited) or 0 to 10000"),
                rule(
                        "record age between -1 and 60",
                        baseWith("batchSize: 100", "maximumRecordAgeSeconds: 30"),
                        "processor.maximumRecordAgeSeconds",
                        "30 is out of range; allowed: -1 (unlimited) or 60 to 604800"),
                rule(
                        "record age above a week",
                        baseWith("batchSize: 100", "maximumRecordAgeSeconds: 604801"),
                        "processor.maximumRecordAgeSeconds",
                        "604801 is out of range; allowed: -1 (unlimited) or 60 to 604800"),
                rule(
                        "parallelization out of range",
                        baseWith("batchSize: 100", "parallelizationFactor: 11"),
                        "processor.parallelizationFactor",
                        "11 is out of range; allowed: 1 to 10"),
                rule(
                        "checkpoint ledger with concurrent batches per shard",
                        baseWith("batchSize: 100", "parallelizationFactor: 3\n  idempotency: checkpoint"),
                        "processor.idempotency",
                        "idempotency 'checkpoint' needs parallelizationFactor 1, not 3: with a higher factor the event source"
                                + " mapping hands one shard's records to concurrent batches, so a shard-wide checkpoint cannot advance in order;"
                                + " set idempotency: per-record, or parallelizationFactor: 1"),
                rule(
                        "unknown ledger",
                        baseWith("batchSize: 100", "batchSize: 100\n  idempotency: per-event"),
                        "processor.idempotency",
                        "'per-event' is not allowed. Allowed: checkpoint, per-record"),
                rule(
                        "primary outside a table's zone in primary-region mode",
                        baseWith(
                                        "  mode: multi-writer\n  primary: us-east-1",
                                        "  mode: primary-region\n  primary: us-east-1")
                                .replace(
                                        "regions: [eu-west-1]\n      tables: [eu-customers]",
                                        "regions: [eu-west-1]\n      tables: [orders]"),
                        "tables[1].zone",
                        "residency: in primary-region mode every change is processed in the primary us-east-1, but table 'eu-customers'"));
    }

    private static Arguments rule(String name, String yaml, String path, String message) {
        return Arguments.of(name, yaml, path, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void invalidPlatform_isRejected_withPathAndMessage(String name, String yaml, String path, String message) {
        TopologyException error = catchThrowableOfType(TopologyException.class, () -> Platforms.parse(yaml));

        assertThat(error).as("%s must be rejected", name).isNotNull();
        assertThat(error.problems()).as("problems of '%s'", name).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("platform.yaml");
            assertThat(problem.path()).isEqualTo(path);
            assertThat(problem.message()).contains(message);
        });
    }

    @Test
    void basePlatform_isValid() {
        assertThat(Platforms.parse(BASE).tables()).hasSize(2);
    }

    @Test
    void severalMistakes_areAllReportedInOneRun() {
        String yaml = baseWith("batchSize: 100", "batchSize: 0\n  parallelizationFactor: 20")
                .replace("primary: us-east-1", "primary: mars-1")
                .replace("tables: [orders]", "tables: [invoices]");

        TopologyException error = catchThrowableOfType(TopologyException.class, () -> Platforms.parse(yaml));

        assertThat(error.problems())
                .extracting(Problem::path)
                .containsExactlyInAnyOrder(
                        "routing.primary",
                        "processor.batchSize",
                        "processor.parallelizationFactor",
                        "fanout.consumers[0].tables[0]");
        assertThat(error.getMessage())
                .contains("platform.yaml: processor.batchSize: 0 is out of range; allowed: 1 to 10000");
    }

    @Test
    void invalidTable_isOneProblem_notAlsoAnUnknownTableForItsConsumers() {
        TopologyException error = catchThrowableOfType(
                TopologyException.class, () -> Platforms.parse(baseWith("zone: eu\n", "zone: emea\n")));

        assertThat(error.problems()).extracting(Problem::path).containsExactly("tables[1].zone");
    }

    @Test
    void yamlSyntaxError_isOneLine_withTheCausesLineAndColumn_andWhereItsConstructBegan() {
        TopologyException error = catchThrowableOfType(
                TopologyException.class, () -> Platforms.parse("name: shop\nregions: [us-east-1\n  foo: : bar\n"));

        assertThat(error.problems()).hasSize(1);
        assertThat(error.problems().get(0).message())
                .isEqualTo("malformed YAML at line 3, column 6: expected ',' or ']', but got : "
                        + "(while parsing a flow sequence that starts at line 2, column 10)")
                .doesNotContain("\n");
    }

    @Test
    void regionsThatAreNotAList_isOneProblem_withoutFollowOnsForZonesOrConsumers() {
        TopologyException error = catchThrowableOfType(
                TopologyException.class,
                () -> Platforms.parse(
                        baseWith("regions: [us-east-1, eu-west-1, ap-southeast-2]", "regions: us-east-1")));

        assertThat(error.problems())
                .containsExactly(new Problem("platform.yaml", "regions", "must be a list, not the string 'us-east-1'"));
    }

    @Test
    void misspeltRegion_isOneProblem_notAlsoOneForEveryZoneAndConsumerThatNamesIt() {
        String yaml = baseWith(
                "regions: [us-east-1, eu-west-1, ap-southeast-2]", "regions: [us-east-1, eu-wst-1, ap-southeast-2]");

        TopologyException error = catchThrowableOfType(TopologyException.class, () -> Platforms.parse(yaml));

        assertThat(error.problems()).extracting(Problem::path).containsExactly("regions[1]");
    }

    @Test
    void missingFile_isOneProblemNamingTheFile() {
        TopologyException error =
                catchThrowableOfType(TopologyException.class, () -> TopologyLoader.load(Path.of("no-such.yaml")));

        assertThat(error.problems())
                .containsExactly(new Problem(
                        "no-such.yaml",
                        "",
                        "file not found; pass the platform file with -f, or run where platform.yaml is"));
    }

    @Test
    void problem_printsFilePathAndMessage() {
        assertThat(new Problem("p.yaml", "tables[1].zone", "unknown zone 'x'"))
                .hasToString("p.yaml: tables[1].zone: unknown zone 'x'");
        assertThat(new Problem("p.yaml", "", "is empty")).hasToString("p.yaml: is empty");
        assertThat(List.of(new Problem("p.yaml", "", "x"))).hasSize(1);
    }
}
