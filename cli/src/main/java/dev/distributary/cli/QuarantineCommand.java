package dev.distributary.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distributary.local.chaos.QuarantinedRecord;
import dev.distributary.topology.Topology;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@Command(
        name = "quarantine",
        header = "Show the records a region's processor quarantined, and why.",
        description = {
            "Show the records a region's processor quarantined (records it must not or cannot publish: a residency violation, "
                    + "a malformed or unstamped record), each with its reason.",
            "Read-only: the records stay in the quarantine queue (reading one counts as a receive). --purge deletes them all, after "
                    + "confirmation.",
            "JSON: JSON Lines, each quarantine message as the processor wrote it: {reason, region, functionName, quarantinedAt, eventId, "
                    + "sequenceNumber, eventSourceARN, and record, recordGzipBase64, or recordTooLarge with keys}."
        })
final class QuarantineCommand implements Callable<Integer> {
    /** How long the records read stay hidden, so that each is read once; they are handed back at the end. */
    private static final int HOLD_SECONDS = 60;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    PlatformFile platform;

    @Mixin
    AwsEndpoint aws;

    @Option(
            names = "--region",
            required = true,
            paramLabel = "REGION",
            description = "The region whose processor's quarantine to show.")
    String region;

    @Mixin
    EnvironmentOption environment;

    @Option(names = "--max", paramLabel = "N", description = "Show at most N records.")
    Long max;

    @Option(
            names = "--purge",
            description = "Delete every record of the quarantine queue instead of showing them; asks for confirmation.")
    boolean purge;

    @Option(names = "--yes", description = "Confirm --purge without asking (for scripts).")
    boolean yes;

    @Mixin
    OutputFormat format;

    @Spec
    CommandSpec spec;

    /** What {@code --purge --format json} prints. */
    record Purged(String region, String queue, long purged) {}

    @Override
    public Integer call() {
        if (max != null && max < 1) {
            throw new UserException("--max must be at least 1");
        }
        if (purge && max != null) {
            throw new UserException("--purge deletes the whole queue; --max does not apply to it");
        }
        if (yes && !purge) {
            throw new UserException("--yes confirms --purge, which was not given");
        }
        Topology topology = platform.load();
        PlatformFile.requireRegion(topology, region);
        if (!topology.processingRegions().contains(region)) {
            throw new UserException("no processor runs in " + region
                    + ", so it has no quarantine queue: in primary-region routing the primary "
                    + topology.routing().primary() + " processes every change; use --region "
                    + topology.routing().primary());
        }
        String queue = environment.names(topology).quarantineQueue();
        try (SqsClient sqs = aws.sqs(region)) {
            String url = ConsumerQueues.url(sqs, queue, region, aws);
            try {
                return purge ? purge(sqs, queue, url) : show(sqs, topology, queue, url);
            } catch (SdkClientException e) {
                throw ConsumerQueues.unreachable(aws, region, e);
            } catch (AwsServiceException e) {
                throw ConsumerQueues.refused(aws, region, e);
            }
        }
    }

    private int show(SqsClient sqs, Topology topology, String queue, String url) {
        PrintWriter out = spec.commandLine().getOut();
        Set<String> seen = new HashSet<>();
        List<Message> held = new ArrayList<>();
        int unreadable = 0;
        try {
            while (max == null || seen.size() < max) {
                int want = (int) Math.min(10, max == null ? 10 : max - seen.size());
                List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url)
                                .maxNumberOfMessages(want)
                                .waitTimeSeconds(1)
                                .visibilityTimeout(HOLD_SECONDS))
                        .messages();
                if (messages.isEmpty()) {
                    break;
                }
                held.addAll(messages);
                for (Message message : messages) {
                    if (seen.add(message.messageId()) && !print(out, topology, message)) {
                        unreadable++;
                    }
                }
                out.flush();
            }
        } finally {
            QueueMessages.release(sqs, url, held);
        }
        int shown = seen.size();
        spec.commandLine()
                .getErr()
                .println(
                        shown == 0
                                ? queue + " " + aws.where(region) + " is empty: nothing was quarantined there."
                                : shown + (shown == 1 ? " quarantined record" : " quarantined records") + " in " + queue
                                        + " " + aws.where(region)
                                        + (unreadable == 0 ? "" : " (" + unreadable + " not JSON)")
                                        + "; left in the queue (read-only)"
                                        + (max != null && shown == max ? "; --max reached, there may be more" : ""));
        return Distributary.OK;
    }

    /** Prints one record; false when its body is not a quarantine message. */
    private boolean print(PrintWriter out, Topology topology, Message message) {
        JsonNode body;
        try {
            body = JSON.readTree(message.body());
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            if (format.json()) {
                OutputFormat.line(out, JSON.createObjectNode().put("unreadable", message.body()));
            } else {
                String text = message.body().replace('\n', ' ');
                out.printf(
                        "message %s is not a quarantine message: %s%n",
                        message.messageId(), text.length() > 200 ? text.substring(0, 200) + "…" : text);
            }
            return false;
        }
        if (format.json()) {
            OutputFormat.line(out, body);
            return true;
        }
        QuarantinedRecord record = QuarantinedRecord.of(body, topology);
        out.printf(
                "%s  %s  %s  %s  event %s  sequence %s%n",
                body.path("quarantinedAt").asText("?"),
                record.region().isEmpty() ? "?" : record.region(),
                record.table().isEmpty() ? "(unknown table)" : record.table(),
                record.subject().isEmpty() ? "(unknown item)" : record.subject(),
                body.path("eventId").asText("?"),
                body.path("sequenceNumber").asText("?"));
        out.printf("    reason: %s%n", record.reason());
        if (body.path("recordTooLarge").asBoolean(false)) {
            out.printf(
                    "    (the record was too large to keep; read it again from %s within 24 hours)%n",
                    body.path("eventSourceARN").asText("its stream"));
        }
        return true;
    }

    private int purge(SqsClient sqs, String queue, String url) {
        var attributes = sqs.getQueueAttributes(b -> b.queueUrl(url)
                        .attributeNames(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        long count = Long.parseLong(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"))
                + Long.parseLong(
                        attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
        PrintWriter err = spec.commandLine().getErr();
        if (count == 0) {
            err.println(queue + " " + aws.where(region) + " is empty: nothing to purge.");
        } else {
            confirm(queue, count);
            sqs.purgeQueue(b -> b.queueUrl(url));
            err.println("Purged " + queue + " " + aws.where(region) + ": about " + count
                    + (count == 1 ? " record" : " records") + " deleted.");
        }
        if (format.json()) {
            OutputFormat.document(spec.commandLine().getOut(), new Purged(region, queue, count));
        }
        return Distributary.OK;
    }

    private void confirm(String queue, long count) {
        if (yes) {
            return;
        }
        Terminal terminal = Distributary.terminal(spec);
        if (!terminal.interactive()) {
            throw new UserException("--purge deletes " + records(count) + " of " + queue + " " + aws.where(region)
                    + " for good; run it on a terminal to confirm, or add --yes");
        }
        PrintWriter err = spec.commandLine().getErr();
        err.print("Delete " + records(count) + " of " + queue + " " + aws.where(region)
                + "? They cannot be recovered. Type 'purge' to confirm: ");
        err.flush();
        String answer;
        try {
            answer = terminal.input().readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (answer == null || !answer.strip().equals("purge")) {
            throw new UserException("not confirmed; nothing was deleted");
        }
    }

    private static String records(long count) {
        return count == 1 ? "the one record" : "all " + count + " records";
    }
}
