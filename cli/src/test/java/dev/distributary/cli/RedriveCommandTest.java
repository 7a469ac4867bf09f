package dev.distributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distributary.fanout.Envelope;
import dev.distributary.fanout.provision.ProvisionedQueue;
import dev.distributary.fanout.provision.ProvisionedRegion;
import dev.distributary.moto.AwsClients;
import dev.distributary.moto.MotoServer;
import dev.distributary.moto.junit.MotoTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

@MotoTest
class RedriveCommandTest {
    private static final String REGION = "eu-west-1";

    private AwsClients aws;
    private String endpoint;
    private ProvisionedQueue billing;

    @BeforeEach
    void provision(MotoServer server, AwsClients aws) {
        server.reset();
        this.aws = aws;
        this.endpoint = server.endpoint().toString();
        ProvisionedRegion region = MotoPlatform.provision(aws, REGION);
        this.billing = region.requireQueue("billing");
    }

    @Test
    void redriveOnATerminal_movesEveryDeadLetterBack_withAProgressBar_withoutColourWhenNoColorIsSet() {
        List<Envelope> dead = deadLetters();

        CliRun run = CliRun.onTerminal(
                false,
                "",
                "redrive",
                "-f",
                MotoPlatform.FILE,
                "--endpoint",
                endpoint,
                "--region",
                REGION,
                "--consumer",
                "billing");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip())
                .isEqualTo("Moved 3 messages from shop-dev-billing-dlq back to shop-dev-billing in eu-west-1 at "
                        + endpoint + " (copy and delete).");
        assertThat(run.err())
                .contains("\rRedrive shop-dev-billing-dlq")
                .contains("3/3")
                .contains("distributary: StartMessageMoveTask is not available at this endpoint (HTTP 500")
                .doesNotContain("\u001b");
        assertThat(MotoPlatform.count(aws, REGION, billing.deadLetterQueueUrl()))
                .isZero();
        List<Message> back = aws.sqs(REGION)
                .receiveMessage(b -> b.queueUrl(billing.queueUrl()).maxNumberOfMessages(10))
                .messages();
        Set<String> bodies = new HashSet<>(back.stream().map(Message::body).toList());
        assertThat(bodies)
                .isEqualTo(new HashSet<>(dead.stream().map(Envelope::json).toList()));
    }

    @Test
    void redriveIntoAPipe_writesNoProgressBarAndNoEscapeCodes() {
        deadLetters();

        CliRun run = CliRun.of(
                "redrive",
                "-f",
                MotoPlatform.FILE,
                "--endpoint",
                endpoint,
                "--region",
                REGION,
                "--consumer",
                "billing");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Moved 3 messages");
        assertThat(run.out() + run.err())
                .doesNotContain("\r")
                .doesNotContain("\u001b")
                .doesNotContain("Redrive shop-dev-billing-dlq");
        assertThat(run.errLines())
                .containsExactly("distributary: StartMessageMoveTask is not available at this endpoint (HTTP 500); "
                        + "copied and deleted instead");
    }

    @Test
    void json_saysWhatWasMovedAndHow() throws Exception {
        deadLetters();

        CliRun run = CliRun.of(
                "redrive",
                "-f",
                MotoPlatform.FILE,
                "--endpoint",
                endpoint,
                "--region",
                REGION,
                "--consumer",
                "billing",
                "--format",
                "json");

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("moved").asLong()).isEqualTo(3);
        assertThat(json.get("failed").asLong()).isZero();
        assertThat(json.get("method").asText()).isEqualTo("copy-and-delete");
        assertThat(json.get("deadLetterQueue").asText()).isEqualTo("shop-dev-billing-dlq");
    }

    @Test
    void emptyDeadLetterQueue_saysThereIsNothingToMove_andNothingAboutAFallback() {
        CliRun run = CliRun.of(
                "redrive",
                "-f",
                MotoPlatform.FILE,
                "--endpoint",
                endpoint,
                "--region",
                REGION,
                "--consumer",
                "billing");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip())
                .isEqualTo("shop-dev-billing-dlq in eu-west-1 at " + endpoint + " is empty; nothing to move.");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void regionOutsideThePlatform_exitsTwo_listingTheRegions() {
        CliRun run = CliRun.of(
                "redrive",
                "-f",
                MotoPlatform.FILE,
                "--endpoint",
                endpoint,
                "--region",
                "us-west-2",
                "--consumer",
                "billing");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo(
                        "distributary: region 'us-west-2' is not one of the platform's regions [us-east-1, eu-west-1, ap-southeast-2]");
    }

    private List<Envelope> deadLetters() {
        List<Envelope> dead = MotoPlatform.orderLifecycle(REGION);
        dead.forEach(envelope -> aws.sqs(REGION)
                .sendMessage(b -> b.queueUrl(billing.deadLetterQueueUrl()).messageBody(envelope.json())));
        return dead;
    }
}
