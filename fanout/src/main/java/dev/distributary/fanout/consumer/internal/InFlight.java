package dev.distributary.fanout.consumer.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** A received message until it is settled: deleted, released, or left for redelivery. */
public final class InFlight {
    private final Message message;
    private final AtomicBoolean settled = new AtomicBoolean();
    private final AtomicBoolean freed = new AtomicBoolean();
    private volatile long visibleUntilNanos;

    public InFlight(Message message, long visibleUntilNanos) {
        this.message = message;
        this.visibleUntilNanos = visibleUntilNanos;
    }

    public Message message() {
        return message;
    }

    public String messageId() {
        return message.messageId();
    }

    public String receiptHandle() {
        return message.receiptHandle();
    }

    public String body() {
        return message.body();
    }

    /** The FIFO message group, or the message ID for a standard queue (each message its own group). */
    public String group() {
        String group = message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
        return group == null ? message.messageId() : group;
    }

    public long visibleUntilNanos() {
        return visibleUntilNanos;
    }

    public void visibleUntil(long nanos) {
        this.visibleUntilNanos = nanos;
    }

    /** True the first time only: whoever frees the message gives its room back. */
    public boolean free() {
        return freed.compareAndSet(false, true);
    }

    /** True the first time only: whoever settles the message stops tracking it. */
    public boolean settle() {
        return settled.compareAndSet(false, true);
    }

    public boolean isSettled() {
        return settled.get();
    }
}
