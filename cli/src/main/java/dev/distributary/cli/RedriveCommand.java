package dev.distributary.cli;

import dev.distributary.fanout.consumer.DlqRedrive;
import dev.distributary.fanout.consumer.RedriveListener;
import dev.distributary.fanout.consumer.RedriveMethod;
import dev.distributary.fanout.consumer.RedriveResult;
import dev.distributary.topology.Topology;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sqs.SqsClient;

@Command(
        name = "redrive",
        header = "Move a consumer's dead-letter queue back to its queue.",
        description = {
            "Move the messages of a consumer's dead-letter queue back to its queue, in one region.",
            "Uses SQS's StartMessageMoveTask where the endpoint has it; otherwise receives, sends, and deletes each message only "
                    + "after its copy was sent. A progress bar is shown on a terminal only.",
            "JSON: {region, consumer, deadLetterQueue, queue, method (none, message-move-task, copy-and-delete), moved, failed, note}."
        })
final class RedriveCommand implements Callable<Integer> {
    @Mixin
    PlatformFile platform;

    @Mixin
    AwsEndpoint aws;

    @Mixin
    EnvironmentOption environment;

    @Option(names = "--region", required = true, paramLabel = "REGION", description = "The region of the queues.")
    String region;

    @Option(
            names = "--consumer",
            required = true,
            paramLabel = "NAME",
            description = "The consumer whose dead-letter queue to move back.")
    String consumer;

    @Mixin
    OutputFormat format;

    @Spec
    CommandSpec spec;

    /** What {@code --format json} prints. */
    record Result(
            String region,
            String consumer,
            String deadLetterQueue,
            String queue,
            String method,
            long moved,
            long failed,
            String note) {}

    @Override
    public Integer call() {
        Topology topology = platform.load();
        PlatformFile.requireRegion(topology, region);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (SqsClient sqs = aws.sqs(region)) {
            ConsumerQueues queues = ConsumerQueues.find(
                    topology,
                    environment.names(topology),
                    region,
                    consumer,
                    sqs,
                    aws,
                    platform.path().toString());
            RedriveResult result;
            try (Progress progress = new Progress(err, queues.deadLetterQueueName(), Distributary.terminal(spec))) {
                result = new DlqRedrive(sqs).redrive(queues.deadLetterQueueUrl(), queues.queueUrl(), progress);
            } catch (SdkClientException e) {
                throw ConsumerQueues.unreachable(aws, region, e);
            } catch (AwsServiceException e) {
                throw ConsumerQueues.refused(aws, region, e);
            }
            if (format.json()) {
                OutputFormat.document(
                        out,
                        new Result(
                                region,
                                consumer,
                                queues.deadLetterQueueName(),
                                queues.queueName(),
                                result.method()
                                        .name()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .replace('_', '-'),
                                result.moved(),
                                result.failed(),
                                result.note()));
            } else if (result.method() == RedriveMethod.NONE) {
                out.println(queues.deadLetterQueueName() + " " + aws.where(region) + " is empty; nothing to move.");
            } else {
                String method = result.method() == RedriveMethod.MESSAGE_MOVE_TASK
                        ? "SQS message move task"
                        : "copy and delete";
                out.println("Moved " + result.moved() + (result.moved() == 1 ? " message" : " messages") + " from "
                        + queues.deadLetterQueueName() + " back to " + queues.queueName() + " " + aws.where(region)
                        + " (" + method + ").");
                if (!result.note().isEmpty()) {
                    err.println("distributary: " + result.note());
                }
            }
            if (!result.complete()) {
                throw new UserException(
                        result.failed() + " messages could not be moved and are still in "
                                + queues.deadLetterQueueName() + "; run redrive again",
                        Distributary.CHECK_FAILED);
            }
            return Distributary.OK;
        }
    }

    /** A progress bar on standard error from the first count SQS gives; only on a terminal, in colour only when colour is allowed. */
    private static final class Progress implements RedriveListener, AutoCloseable {
        private final PrintWriter err;
        private final String queue;
        private final Terminal terminal;
        private ProgressBar bar;

        Progress(PrintWriter err, String queue, Terminal terminal) {
            this.err = err;
            this.queue = queue;
            this.terminal = terminal;
        }

        @Override
        public void started(RedriveMethod method, long approximateTotal) {
            if (!terminal.interactive()) {
                return;
            }
            bar = new ProgressBarBuilder()
                    .setTaskName("Redrive " + queue)
                    .setInitialMax(Math.max(approximateTotal, 0))
                    .setStyle(terminal.colour() ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                    .setUnit(" msgs", 1)
                    .setUpdateIntervalMillis(200)
                    .setConsumer(new DelegatingProgressBarConsumer(
                            line -> {
                                err.print("\r" + line);
                                err.flush();
                            },
                            100))
                    .build();
        }

        @Override
        public void progress(long moved) {
            if (bar != null) {
                if (moved > bar.getMax()) {
                    bar.maxHint(moved);
                }
                bar.stepTo(moved);
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                err.println();
            }
        }
    }
}
