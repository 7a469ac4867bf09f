package dev.distributary.benchmarks.calls;

/**
 * What one design cost per application write (an "event") on the local platform at one batch
 * size. Counts are requests, as AWS bills them per request; stream reads by Lambda and by
 * replication are free on AWS and listed only for completeness.
 *
 * @param design                 which design ran
 * @param batchSize              the event source mapping's batch size
 * @param batchingWindowSeconds  its batching window, long enough for batches to fill
 * @param events                 application writes made (inserts, modifies, tombstones)
 * @param meanBatch              records per invocation that carried records, as the mappings invoked them
 * @param lambdaInvocations      function invocations per event, the tumbling windows' final invocations included (Lambda
 *                               bills them)
 * @param finalInvocations       the tumbling windows' final invocations per event (no records; the checkpoint ledger's
 *                               mappings have a window)
 * @param invokedRecords         records handed to the function per event (every replica region that processes a change counts)
 * @param snsRequests            Publish and PublishBatch calls per event
 * @param replicatedWrites       writes replication made into the other replica regions, per event (the application's tables'
 *                               write requests beyond the events themselves, one request each)
 * @param idempotencyRequests    requests to the idempotency tables per event (claims, completions, reads)
 * @param idempotencyWrites      the write requests among them per event
 * @param otherDynamoDbRequests  other requests to the application tables per event (replication's reads for last-writer-wins)
 * @param streamReads            DynamoDB Streams calls per event (free for Lambda and for replication)
 * @param sqsRequests            SQS calls per event: the consumers' receives and deletes, quarantine and on-failure sends
 * @param sqsReceives            ReceiveMessage calls per event (empty long polls included: they grow with the run's length)
 * @param deliveries             messages the consumers received per event
 * @param idempotencyWritesPerRecord the idempotency tables' write requests per record handed to a function
 * @param logBytesPerRecord      bytes the functions logged per record handed to them, as CloudWatch Logs ingests them
 *                               (each line plus 26 bytes; Lambda's own START, END and REPORT lines not included)
 * @param complete               every delivery the design calls for arrived (for the naive design: at least as many as it publishes)
 */
public record CallAccount(
        ComparedDesign design,
        int batchSize,
        int batchingWindowSeconds,
        long events,
        double meanBatch,
        double lambdaInvocations,
        double finalInvocations,
        double invokedRecords,
        double snsRequests,
        double replicatedWrites,
        double idempotencyRequests,
        double idempotencyWrites,
        double otherDynamoDbRequests,
        double streamReads,
        double sqsRequests,
        double sqsReceives,
        double deliveries,
        double idempotencyWritesPerRecord,
        double logBytesPerRecord,
        boolean complete) {}
