package dev.distributary.fanout.consumer;

/** How {@link DlqRedrive} moved the messages. */
public enum RedriveMethod {
    /** Nothing: the dead-letter queue held no message to move. */
    NONE,
    /** SQS's own StartMessageMoveTask, where the endpoint supports it. */
    MESSAGE_MOVE_TASK,
    /** Receive from the dead-letter queue, send to the queue, then delete what was sent. */
    COPY_AND_DELETE
}
