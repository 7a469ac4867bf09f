package dev.distributary.fanout.consumer;

import dev.distributary.fanout.ChangeEvent;

/**
 * What a consumer does with one event. Returning normally is success: the message is deleted.
 * Throwing is failure: the message is left on the queue for redelivery, and after the queue's
 * max receive count SQS moves it to the dead-letter queue.
 */
@FunctionalInterface
public interface EventHandler {
    void handle(ChangeEvent event) throws Exception;
}
