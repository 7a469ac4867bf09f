package dev.distributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distributary.moto.AwsClients;
import dev.distributary.moto.MotoServer;
import dev.distributary.moto.junit.MotoTest;
import dev.distributary.topology.ResourceNames;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MotoTest
class QuarantineCommandTest {
    private static final String REGION = "us-east-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AwsClients aws;
    private String endpoint;
    private String queueUrl;
    private List<String> bodies;

    @BeforeEach
    void quarantineTwoRecords(MotoServer server, AwsClients aws) {
        server.reset();
        this.aws = aws;
        this.endpoint = server.endpoint().toString();
        this.queueUrl = queue(MotoPlatform.NAMES.quarantineQueue());
        this.bodies = List.of(
                message("order#1", "e1", "residency: class 'eu-personal' may not be published in us-east-1"),
                message("order#2", "e2", "unstamped: the NewImage of this INSERT has no origin stamp ('_origin')"));
        bodies.forEach(
                body -> aws.sqs(REGION).sendMessage(b -> b.queueUrl(queueUrl).messageBody(body)));
    }

    @Test
    void quarantine_showsEachRecordWithItsReason_andLeavesThemInTheQueue() {
        CliRun run = quarantine();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("2026-12-01T10:00:00Z  us-east-1  orders  pk=order#1,sk=v0  event e1  sequence 100e1\n"
                        + "    reason: residency: class 'eu-personal' may not be published in us-east-1\n")
                .contains("pk=order#2,sk=v0  event e2")
                .contains("    reason: unstamped: the NewImage of this INSERT has no origin stamp ('_origin')");
        assertThat(run.errLines())
                .containsExactly("2 quarantined records in shop-dev-quarantine in us-east-1 at " + endpoint
                        + "; left in the queue (read-only)");
        assertThat(MotoPlatform.count(aws, REGION, queueUrl)).isEqualTo(2);
        assertThat(aws.sqs(REGION)
                        .receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10))
                        .messages())
                .hasSize(2);
    }

    @Test
    void json_isOneQuarantineMessagePerLine_asTheProcessorWroteIt() throws Exception {
        CliRun run = quarantine("--format", "json");

        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines)
                .containsExactlyInAnyOrderElementsOf(
                        bodies.stream().map(QuarantineCommandTest::tree).toList());
    }

    @Test
    void max_showsThatMany_andSaysThereMayBeMore() {
        CliRun run = quarantine("--max", "1");

        assertThat(run.out().lines().filter(line -> line.startsWith("    reason: ")))
                .hasSize(1);
        assertThat(run.err())
                .contains("1 quarantined record in shop-dev-quarantine")
                .contains("--max reached, there may be more");
        assertThat(MotoPlatform.count(aws, REGION, queueUrl)).isEqualTo(2);
    }

    @Test
    void environment_readsThatEnvironmentsQueue() {
        String prod = queue(ResourceNames.of(MotoPlatform.SHIPPED, "prod").quarantineQueue());
        aws.sqs(REGION).sendMessage(b -> b.queueUrl(prod).messageBody(message("order#9", "e9", "malformed: prod")));

        CliRun run = quarantine("--environment", "prod");

        assertThat(run.out()).contains("pk=order#9,sk=v0").doesNotContain("order#1");
        assertThat(run.err()).contains("1 quarantined record in shop-prod-quarantine in us-east-1");
    }

    @Test
    void invalidEnvironment_exitsTwo_withTheNamingRule() {
        CliRun run = quarantine("--environment", "Prod!");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly("distributary: --environment: environment name 'Prod!' is not valid: "
                        + "1–12 characters: lower-case letters, digits and '-', starting with a letter");
    }

    @Test
    void messageThatIsNotAQuarantineMessage_isShownAsSuch_andCounted() {
        aws.sqs(REGION).sendMessage(b -> b.queueUrl(queueUrl).messageBody("not json"));

        CliRun run = quarantine();

        assertThat(run.out()).containsPattern("message \\S+ is not a quarantine message: not json");
        assertThat(run.errLines())
                .containsExactly("3 quarantined records in shop-dev-quarantine in us-east-1 at " + endpoint
                        + " (1 not JSON); left in the queue (read-only)");
    }

    @Test
    void emptyQueue_saysNothingWasQuarantined() {
        aws.sqs(REGION).purgeQueue(b -> b.queueUrl(queueUrl));

        CliRun run = quarantine();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines())
                .containsExactly("shop-dev-quarantine in us-east-1 at " + endpoint
                        + " is empty: nothing was quarantined there.");
    }

    @Test
    void regionWithoutAProcessor_exitsTwo_namingThePrimary() {
        CliRun run = CliRun.of(
                "quarantine", "-f", "../examples/primary-region.yaml", "--endpoint", endpoint, "--region", "us-east-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly(
                        "distributary: no processor runs in us-east-1, so it has no quarantine queue: in primary-region "
                                + "routing the primary eu-west-1 processes every change; use --region eu-west-1");
    }

    @Test
    void purgeWithoutATerminalOrYes_exitsTwo_andDeletesNothing() {
        CliRun run = quarantine("--purge");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly("distributary: --purge deletes all 2 records of shop-dev-quarantine in us-east-1 at "
                        + endpoint + " for good; run it on a terminal to confirm, or add --yes");
        assertThat(MotoPlatform.count(aws, REGION, queueUrl)).isEqualTo(2);
    }

    @Test
    void purgeOnATerminal_deletesOnlyWhenConfirmed() {
        CliRun declined = CliRun.onTerminal(false, "yes\n", args("--purge"));

        assertThat(declined.exitCode()).isEqualTo(2);
        assertThat(declined.err())
                .contains("Type 'purge' to confirm: ")
                .contains("distributary: not confirmed; nothing was deleted");
        assertThat(MotoPlatform.count(aws, REGION, queueUrl)).isEqualTo(2);

        CliRun confirmed = CliRun.onTerminal(false, "purge\n", args("--purge"));

        assertThat(confirmed.exitCode()).as(confirmed.err()).isZero();
        assertThat(confirmed.err())
                .endsWith("Purged shop-dev-quarantine in us-east-1 at " + endpoint + ": about 2 records deleted.\n");
        assertThat(MotoPlatform.count(aws, REGION, queueUrl)).isZero();
    }

    @Test
    void purgeWithYes_deletesWithoutAsking_andSaysHowManyInJson() throws Exception {
        CliRun run = quarantine("--purge", "--yes", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JSON.readTree(run.out());
        assertThat(json.get("purged").asLong()).isEqualTo(2);
        assertThat(json.get("queue").asText()).isEqualTo("shop-dev-quarantine");
        assertThat(MotoPlatform.count(aws, REGION, queueUrl)).isZero();
    }

    @Test
    void yesWithoutPurge_orMaxWithPurge_exitTwo() {
        assertThat(quarantine("--yes").errLines())
                .containsExactly("distributary: --yes confirms --purge, which was not given");
        assertThat(quarantine("--purge", "--max", "3").errLines())
                .containsExactly("distributary: --purge deletes the whole queue; --max does not apply to it");
    }

    private String queue(String name) {
        return aws.sqs(REGION).createQueue(b -> b.queueName(name)).queueUrl();
    }

    /** A quarantine message as the processor writes it (regional-processor's QuarantineMessages). */
    private static String message(String pk, String eventId, String reason) {
        String record = "{\"eventID\":\"" + eventId
                + "\",\"eventName\":\"INSERT\",\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"us-east-1\","
                + "\"eventSourceARN\":\"arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-12-01T00:00:00.000\","
                + "\"dynamodb\":{\"Keys\":{\"pk\":{\"S\":\"" + pk
                + "\"},\"sk\":{\"S\":\"v0\"}},\"NewImage\":{\"pk\":{\"S\":\"" + pk
                + "\"},\"sk\":{\"S\":\"v0\"}},\"SequenceNumber\":\"100" + eventId + "\"}}";
        return "{\"reason\":\"" + reason + "\",\"region\":\"us-east-1\",\"functionName\":\"shop-dev-processor\","
                + "\"quarantinedAt\":\"2026-12-01T10:00:00Z\",\"eventId\":\"" + eventId + "\",\"sequenceNumber\":\"100"
                + eventId + "\","
                + "\"eventSourceARN\":\"arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-12-01T00:00:00.000\",\"record\":"
                + record + "}";
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String[] args(String... more) {
        List<String> all = new ArrayList<>(
                List.of("quarantine", "-f", MotoPlatform.FILE, "--endpoint", endpoint, "--region", REGION));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private CliRun quarantine(String... more) {
        return CliRun.of(args(more));
    }
}
