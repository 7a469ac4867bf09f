package dev.distributary.fanout.consumer;

import dev.distributary.fanout.consumer.internal.CopyAndDelete;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ListMessageMoveTasksResultEntry;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Moves the messages of a dead-letter queue back to its queue: with SQS's StartMessageMoveTask
 * where the endpoint supports it; otherwise (an emulator answering 5xx or "unsupported") by
 * receiving, sending and only then deleting, so that a message is never deleted before its copy
 * was sent. A send that fails leaves the message in the dead-letter queue.
 */
public final class DlqRedrive {
    private static final Logger LOG = LoggerFactory.getLogger(DlqRedrive.class);
    private static final Set<String> UNSUPPORTED_CODES = Set.of(
            "UnsupportedOperation",
            "InvalidAction",
            "UnknownOperation",
            "AWS.SimpleQueueService.UnsupportedOperation",
            "NotImplemented");
    private static final Duration TASK_POLL = Duration.ofMillis(500);

    private final SqsClient sqs;

    public DlqRedrive(SqsClient sqs) {
        this.sqs = sqs;
    }

    /**
     * Moves what the dead-letter queue holds; an empty one (no visible message) is left alone, with
     * method {@link RedriveMethod#NONE}.
     */
    public RedriveResult redrive(String deadLetterQueueUrl, String queueUrl, RedriveListener listener) {
        long total = approximateCount(deadLetterQueueUrl);
        if (total == 0) {
            return new RedriveResult(RedriveMethod.NONE, 0, 0, "");
        }
        String dlqArn = arn(deadLetterQueueUrl);
        String queueArn = arn(queueUrl);
        String taskHandle;
        try {
            taskHandle = sqs.startMessageMoveTask(b -> b.sourceArn(dlqArn).destinationArn(queueArn))
                    .taskHandle();
        } catch (SqsException e) {
            if (!unsupported(e)) {
                throw e;
            }
            String code = errorCode(e);
            String note = "StartMessageMoveTask is not available at this endpoint (HTTP " + e.statusCode()
                    + (code.isEmpty() ? "" : " " + code) + "); copied and deleted instead";
            LOG.info("{}", note);
            listener.started(RedriveMethod.COPY_AND_DELETE, total);
            CopyAndDelete.Outcome outcome =
                    new CopyAndDelete(sqs, deadLetterQueueUrl, queueUrl).run(listener::progress);
            return new RedriveResult(RedriveMethod.COPY_AND_DELETE, outcome.moved(), outcome.failed(), note);
        }
        listener.started(RedriveMethod.MESSAGE_MOVE_TASK, total);
        return awaitTask(dlqArn, taskHandle, listener);
    }

    private RedriveResult awaitTask(String dlqArn, String taskHandle, RedriveListener listener) {
        while (true) {
            ListMessageMoveTasksResultEntry task =
                    sqs.listMessageMoveTasks(b -> b.sourceArn(dlqArn).maxResults(10)).results().stream()
                            .filter(t -> taskHandle.equals(t.taskHandle()) || t.taskHandle() == null)
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException(
                                    "message move task " + taskHandle + " of " + dlqArn + " is not listed"));
            long moved = task.approximateNumberOfMessagesMoved() == null ? 0 : task.approximateNumberOfMessagesMoved();
            listener.progress(moved);
            String status = String.valueOf(task.status());
            if (!"RUNNING".equals(status) && !"CANCELLING".equals(status)) {
                long toMove = task.approximateNumberOfMessagesToMove() == null
                        ? moved
                        : task.approximateNumberOfMessagesToMove();
                String reason = task.failureReason() == null ? "" : task.failureReason();
                return new RedriveResult(
                        RedriveMethod.MESSAGE_MOVE_TASK,
                        moved,
                        "COMPLETED".equals(status) ? 0 : Math.max(0, toMove - moved),
                        "COMPLETED".equals(status)
                                ? ""
                                : "the move task ended " + status + (reason.isEmpty() ? "" : ": " + reason));
            }
            try {
                Thread.sleep(TASK_POLL.toMillis()); // polling AWS's own asynchronous task
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new RedriveResult(
                        RedriveMethod.MESSAGE_MOVE_TASK,
                        moved,
                        0,
                        "interrupted; the move task " + taskHandle + " goes on in SQS");
            }
        }
    }

    private static boolean unsupported(SqsException e) {
        return e.statusCode() >= 500 || UNSUPPORTED_CODES.contains(errorCode(e));
    }

    private static String errorCode(SqsException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? ""
                : e.awsErrorDetails().errorCode();
    }

    private long approximateCount(String queueUrl) {
        String count = sqs.getQueueAttributes(
                        b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                .attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
        return count == null ? 0 : Long.parseLong(count);
    }

    private String arn(String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }
}
