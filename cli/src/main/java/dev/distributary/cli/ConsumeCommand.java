package dev.distributary.cli;

import dev.distributary.fanout.ChangeEvent;
import dev.distributary.fanout.InvalidEnvelopeException;
import dev.distributary.topology.Topology;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

@Command(
        name = "consume",
        header = "Print a consumer's events from its queue in one region.",
        description = {
            "Read a consumer's queue in one region and print its events; they are deleted once printed.",
            "A message that is not a valid event is reported and left in the queue (after the consumer's max receive count it "
                    + "moves to the dead-letter queue).",
            "JSON: JSON Lines, each event's CloudEvents envelope as received, one per line (docs/event-envelope.schema.json)."
        })
final class ConsumeCommand implements Callable<Integer> {
    /** How long --peek keeps what it read hidden, so that it reads each message once. */
    private static final int PEEK_HOLD_SECONDS = 60;

    @Mixin
    PlatformFile platform;

    @Mixin
    AwsEndpoint aws;

    @Mixin
    EnvironmentOption environment;

    @Option(names = "--region", required = true, paramLabel = "REGION", description = "The region whose queue to read.")
    String region;

    @Option(
            names = "--consumer",
            required = true,
            paramLabel = "NAME",
            description = "The consumer whose queue to read.")
    String consumer;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N events.")
    Long max;

    @Mixin
    OutputFormat format;

    @Option(
            names = "--follow",
            description =
                    "Keep waiting for new events (until --max, or Ctrl-C) instead of stopping when the queue is empty.")
    boolean follow;

    @Option(
            names = "--peek",
            description =
                    "Return the messages to the queue instead of deleting them (each read still counts towards the max receive count).")
    boolean peek;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (max != null && max < 1) {
            throw new UserException("--max must be at least 1");
        }
        Topology topology = platform.load();
        PlatformFile.requireRegion(topology, region);
        try (SqsClient sqs = aws.sqs(region)) {
            ConsumerQueues queues = ConsumerQueues.find(
                    topology,
                    environment.names(topology),
                    region,
                    consumer,
                    sqs,
                    aws,
                    platform.path().toString());
            try {
                return read(sqs, queues);
            } catch (SdkClientException e) {
                throw ConsumerQueues.unreachable(aws, region, e);
            } catch (AwsServiceException e) {
                throw ConsumerQueues.refused(aws, region, e);
            }
        }
    }

    private int read(SqsClient sqs, ConsumerQueues queues) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long printed = 0;
        long skipped = 0;
        Set<String> seen = new HashSet<>();
        List<Message> held = new ArrayList<>();
        try {
            while (max == null || printed < max) {
                int want = (int) Math.min(10, max == null ? 10 : max - printed);
                List<Message> messages = sqs.receiveMessage(b -> {
                            b.queueUrl(queues.queueUrl())
                                    .maxNumberOfMessages(want)
                                    .waitTimeSeconds(follow ? 20 : 1);
                            if (peek) {
                                b.visibilityTimeout(PEEK_HOLD_SECONDS);
                            }
                        })
                        .messages();
                if (messages.isEmpty()) {
                    if (follow) {
                        continue;
                    }
                    break;
                }
                List<Message> done = new ArrayList<>();
                for (Message message : messages) {
                    if (!seen.add(message.messageId())) {
                        if (peek) {
                            held.add(message); // back again after its hold ran out (a long --follow): return it at the
                            // end
                        }
                        continue;
                    }
                    try {
                        ChangeEvent event = ChangeEvent.parse(message.body());
                        print(out, event, message);
                        printed++;
                        (peek ? held : done).add(message);
                    } catch (InvalidEnvelopeException e) {
                        skipped++;
                        err.println("distributary: skipped message " + message.messageId()
                                + ", which is not a valid event: " + e.getMessage()
                                + "; it stays in " + queues.queueName() + " and moves to "
                                + queues.deadLetterQueueName()
                                + " after " + queues.subscription().maxReceiveCount() + " receives");
                        if (peek) {
                            held.add(message);
                        }
                    }
                }
                QueueMessages.delete(sqs, queues.queueUrl(), done);
                out.flush();
            }
        } finally {
            QueueMessages.release(sqs, queues.queueUrl(), held);
        }
        err.println(printed + (printed == 1 ? " event" : " events") + " from " + queues.queueName() + " "
                + aws.where(region)
                + (printed == 0 ? "" : peek ? ", returned to the queue (--peek)" : ", deleted")
                + (skipped == 0
                        ? ""
                        : "; " + skipped + " invalid " + (skipped == 1 ? "message" : "messages")
                                + " left in the queue"));
        return Distributary.OK;
    }

    private void print(PrintWriter out, ChangeEvent event, Message message) {
        if (format.json()) {
            out.println(message.body().replace('\n', ' ').replace('\r', ' '));
        } else {
            EventText.of(event).forEach(out::println);
        }
    }
}
