package dev.distributary.cost.internal;

import dev.distributary.cost.EnvelopeSize;
import dev.distributary.cost.PriceTable;
import dev.distributary.cost.StreamFlow;
import dev.distributary.topology.ProcessorSettings;

/**
 * Models a pipe's traffic: how it batches, publishes and reads its stream.
 *
 * <p>Batching: EventBridge polls a DynamoDB stream shard {@code pipes.stream-polls-per-second} times
 * a second (4) and, like the platform's event source mapping, waits up to its batching window; an
 * SNS target takes at most ten events per batch (one PublishBatch call), and a batch must stay under
 * SNS's 256 KB, so the pipe's batch size is {@code min(batchSize, 10, envelopes that fit in 256 KB)}.
 * An execution carries what passed the filter during {@code max(batchingWindowSeconds, 1/polls)}, at
 * least one record and at most that batch size. One shard per stream.
 *
 * <p>Billing: every record that passed the filter is a pipe request per started 64 KB of the stream
 * record as the pipe receives it (both images, about {@code 2 * K + 1} KB); records the filter drops
 * are not billed. A pipe is not Lambda, so its GetRecords calls are billed as streams read request
 * units: one per poll, or more when a poll would return over 1,000 records or 1 MB.
 */
public final class PipeModel {
    /** GetRecords returns at most this many records... */
    static final double RECORDS_PER_READ = 1000;
    /** ...or this many KB. */
    static final double KB_PER_READ = 1024;

    private PipeModel() {}

    /**
     * What a pipe reading one table's stream costs and does.
     *
     * @param pipe        the records the pipe passes, per second
     * @param streamRate  records per second in the stream the pipe reads (every change of its table)
     */
    public static PipeTraffic of(
            StreamFlow pipe,
            double streamRate,
            ProcessorSettings processor,
            double itemKb,
            EnvelopeSize envelope,
            PriceTable prices) {
        double polls = prices.assumption("pipes.stream-polls-per-second").value();
        double window = Math.max(processor.batchingWindowSeconds(), 1 / polls);
        double records = Math.min(batchSize(processor, envelope), Math.max(1, pipe.invoked() * window));
        double executions = pipe.invoked() / records;
        double snsPerExecution = InvocationModel.interpolate(records, n -> EnvelopeSize.chunks(n * envelope.kb()));
        double pipeRequests = pipe.invoked() * EnvelopeSize.chunks(recordKb(itemKb));
        double reads =
                Math.max(polls, Math.max(streamRate / RECORDS_PER_READ, streamRate * recordKb(itemKb) / KB_PER_READ));
        return new PipeTraffic(executions, records, executions * snsPerExecution, pipeRequests, reads);
    }

    /** The pipe's batch size: the mapping's, but at most what one PublishBatch call takes (ten, within 256 KB). */
    public static int batchSize(ProcessorSettings processor, EnvelopeSize envelope) {
        return Math.min(processor.batchSize(), InvocationModel.perCall(envelope));
    }

    /** The stream record as a pipe receives it: both images and the record's own fields. */
    static double recordKb(double itemKb) {
        return 2 * itemKb + EnvelopeSize.OVERHEAD_KB;
    }
}
