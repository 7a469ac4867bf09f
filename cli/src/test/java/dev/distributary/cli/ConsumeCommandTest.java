package dev.distributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.distributary.change.Operation;
import dev.distributary.fanout.ChangeEvent;
import dev.distributary.fanout.Envelope;
import dev.distributary.fanout.provision.ProvisionedRegion;
import dev.distributary.moto.AwsClients;
import dev.distributary.moto.MotoServer;
import dev.distributary.moto.junit.MotoTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@MotoTest
class ConsumeCommandTest {
    private static final String REGION = "us-east-1";

    private AwsClients aws;
    private String endpoint;
    private ProvisionedRegion region;
    private List<Envelope> published;

    @BeforeEach
    void publishAnOrdersLifecycle(MotoServer server, AwsClients aws) {
        server.reset();
        this.aws = aws;
        this.endpoint = server.endpoint().toString();
        this.region = MotoPlatform.provision(aws, REGION);
        this.published = MotoPlatform.orderLifecycle(REGION);
        MotoPlatform.publish(aws, region, published);
    }

    @Test
    void consume_printsEachEventReadably_andDeletesIt() {
        CliRun run = consume("--consumer", "billing");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("INSERT     orders/order  pk=order#1,sk=v0  local, written in us-east-1  class public  id "
                        + published.get(0).eventId())
                .contains(
                        "    item: {\"pk\":\"order#1\",\"sk\":\"v0\",\"entityType\":\"order\",\"status\":\"PLACED\",\"total\":12.50}")
                .contains("MODIFY     orders/order")
                .contains("    changed: status \"PLACED\" → \"PAID\"")
                .doesNotContain("REMOVE");
        assertThat(run.err()).contains("2 events from shop-dev-billing in us-east-1 at " + endpoint + ", deleted");
        assertThat(MotoPlatform.count(
                        aws, REGION, region.requireQueue("billing").queueUrl()))
                .isZero();
    }

    @Test
    void json_printsOneEnvelopePerLine() {
        CliRun run = consume("--consumer", "order-cache", "--format", "json");

        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines)
                .extracting(line -> ChangeEvent.parse(line).op())
                .containsExactlyInAnyOrder(Operation.INSERT, Operation.MODIFY, Operation.REMOVE);
    }

    @Test
    void peek_leavesEveryMessageInTheQueue() {
        CliRun run = consume("--consumer", "order-cache", "--peek");

        assertThat(run.out()).contains("INSERT").contains("MODIFY").contains("REMOVE");
        assertThat(run.err())
                .contains("3 events from shop-dev-order-cache in us-east-1 at " + endpoint
                        + ", returned to the queue (--peek)");
        String queue = region.requireQueue("order-cache").queueUrl();
        assertThat(aws.sqs(REGION)
                        .receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10))
                        .messages())
                .hasSize(3);
    }

    @Test
    void max_stopsAfterThatManyEvents_andLeavesTheRest() {
        CliRun run = consume("--consumer", "order-cache", "--max", "2", "--format", "json");

        assertThat(run.out().lines()).hasSize(2);
        assertThat(MotoPlatform.count(
                        aws, REGION, region.requireQueue("order-cache").queueUrl()))
                .isEqualTo(1);
    }

    @Test
    void messageThatIsNoEvent_isReported_andLeftInTheQueue() {
        String queue = region.requireQueue("billing").queueUrl();
        aws.sqs(REGION).sendMessage(b -> b.queueUrl(queue).messageBody("hello"));

        CliRun run = consume("--consumer", "billing");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err())
                .contains("which is not a valid event: not CloudEvents structured JSON")
                .contains("it stays in shop-dev-billing and moves to shop-dev-billing-dlq after 5 receives")
                .contains("2 events from shop-dev-billing in us-east-1 at " + endpoint
                        + ", deleted; 1 invalid message left in the queue");
        assertThat(MotoPlatform.count(aws, REGION, queue)).isEqualTo(1);
    }

    @Test
    void unknownConsumer_exitsTwo_suggestingTheClosest() {
        CliRun run = consume("--consumer", "biling");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo(
                        "distributary: consumer 'biling' is not defined in ../platform.yaml; did you mean 'billing'? "
                                + "Consumers: billing, order-cache, crm-sync, restock.");
    }

    @Test
    void quarantineAsAConsumer_exitsTwo_pointingAtTheQuarantineCommand() {
        CliRun run = consume("--consumer", "quarantine");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly(
                        "distributary: consumer 'quarantine' is not defined in ../platform.yaml. "
                                + "Consumers: billing, order-cache, crm-sync, restock. The quarantine is not a consumer: distributary quarantine --region us-east-1 shows it.");
    }

    @Test
    void consumerWithoutAQueueInTheRegion_exitsTwo_namingItsRegions() {
        CliRun run = consume("--consumer", "crm-sync");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo("distributary: consumer 'crm-sync' has no queue in us-east-1; its regions are [eu-west-1]");
    }

    @Test
    void platformNotDeployedThere_exitsTwo_sayingSo() {
        CliRun run = CliRun.of(
                "consume",
                "-f",
                MotoPlatform.FILE,
                "--endpoint",
                endpoint,
                "--region",
                "ap-southeast-2",
                "--consumer",
                "billing");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo("distributary: queue 'shop-dev-billing' does not exist in ap-southeast-2 at " + endpoint
                        + "; deploy the platform there first, or point --endpoint at the emulator that runs it");
    }

    @Test
    void endpointThatIsNotListening_exitsTwo_withoutAStackTrace() {
        CliRun run = CliRun.of(
                "consume",
                "-f",
                MotoPlatform.FILE,
                "--endpoint",
                "http://127.0.0.1:9",
                "--region",
                REGION,
                "--consumer",
                "billing");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("distributary: cannot reach SQS in us-east-1 at http://127.0.0.1:9: ")
                .contains("is the emulator running?")
                .doesNotContain("\tat ");
    }

    private CliRun consume(String... args) {
        List<String> all = new ArrayList<>(
                List.of("consume", "-f", MotoPlatform.FILE, "--endpoint", endpoint, "--region", REGION));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }
}
