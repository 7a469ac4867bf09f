package dev.distributary.cost.internal;

import dev.distributary.cost.Design;
import dev.distributary.cost.EnvelopeSize;
import dev.distributary.cost.PriceTable;
import dev.distributary.cost.StreamFlow;
import dev.distributary.topology.IdempotencyLedger;
import dev.distributary.topology.ProcessorSettings;
import java.util.function.IntToDoubleFunction;

/**
 * Models a stream's invocations: how many records each carries and how long it runs.
 *
 * <p>Batching: Lambda polls a shard {@code lambda.stream-polls-per-second} times a second (4), so an
 * invocation carries the records that arrived during {@code max(batchingWindowSeconds, 1/polls)},
 * at least one and at most {@code batchSize}. One shard per stream is assumed.
 *
 * <p>Duration, Distributary: one DynamoDB round trip to open the publish ledger (the checkpoint
 * ledger reads its checkpoint; the per-record ledger's claims run concurrently), then per ten
 * published records one PublishBatch per topic (more when 256 KB does not hold ten envelopes) and one
 * ledger write (the checkpoint's conditional PutItem, or a BatchWriteItem of completions), plus CPU
 * per record. Naive: one Publish round trip per record, in sequence, plus CPU per record. Fractional
 * record counts (an average invocation carries, say, 12.5 records) interpolate between the two
 * neighbouring whole counts.
 *
 * <p>Ledger units: the checkpoint ledger reads its checkpoint once per invocation (1 RRU) and
 * writes it once per ten published records (1 WRU each); the per-record ledger writes two units per
 * published record (the claim, then the completion).
 */
public final class InvocationModel {
    /** Records per PublishBatch call and per ledger write, as the processor sends them. */
    public static final int CHUNK = 10;
    /** Items of the idempotency table stay under 1 KB: the per-record ledger's claim, then its completion. */
    public static final int PER_RECORD_WRITES = 2;

    private InvocationModel() {}

    public static Invocation of(
            StreamFlow stream, Design design, ProcessorSettings processor, EnvelopeSize envelope, PriceTable prices) {
        double polls = prices.assumption("lambda.stream-polls-per-second").value();
        double window = Math.max(processor.batchingWindowSeconds(), 1 / polls);
        double records = Math.min(processor.batchSize(), Math.max(1, stream.invoked() * window));
        double perSecond = stream.invoked() / records;
        double dynamoMs = prices.assumption("latency.dynamodb-round-trip-ms").value();
        double snsMs = prices.assumption("latency.sns-publish-round-trip-ms").value();
        double cpuMs = prices.assumption("cpu.per-record-ms").value() * records;
        double published = stream.invoked() == 0 ? 0 : records * stream.published() / stream.invoked();
        double calls = 0;
        double requests = 0;
        double ledgerWrites = 0;
        double ledgerReads = 0;
        double durationMs;
        if (design == Design.NAIVE) {
            calls = published;
            requests = published * EnvelopeSize.chunks(envelope.kb());
            durationMs = calls * snsMs + cpuMs;
        } else {
            for (double toTopic : stream.publishedToTopic().values()) {
                double perTopic = records * toTopic / stream.invoked();
                calls += interpolate(perTopic, n -> publishCalls(n, envelope));
                requests += interpolate(perTopic, n -> billedRequests(n, envelope));
            }
            double chunkWrites = interpolate(published, n -> Math.ceil(n / (double) CHUNK));
            double opening;
            if (processor.ledger() == IdempotencyLedger.CHECKPOINT) {
                opening = 1;
                ledgerReads = 1;
                ledgerWrites = chunkWrites;
            } else {
                opening = interpolate(published, n -> n > 0 ? 1 : 0);
                ledgerWrites = published * PER_RECORD_WRITES;
            }
            durationMs = opening * dynamoMs + calls * snsMs + chunkWrites * dynamoMs + cpuMs;
        }
        return new Invocation(
                perSecond,
                records,
                published,
                calls,
                requests,
                ledgerWrites,
                ledgerReads,
                durationMs,
                Math.ceil(durationMs - 1e-9));
    }

    /** PublishBatch calls for {@code n} records: ten at a time, each ten split so no call exceeds 256 KB. */
    static int publishCalls(int n, EnvelopeSize envelope) {
        int perCall = perCall(envelope);
        int calls = 0;
        for (int left = n; left > 0; left -= CHUNK) {
            calls += (int) Math.ceil(Math.min(CHUNK, left) / (double) perCall);
        }
        return calls;
    }

    /** Billed SNS requests for {@code n} records published with PublishBatch: each call's 64 KB chunks. */
    static int billedRequests(int n, EnvelopeSize envelope) {
        int perCall = perCall(envelope);
        int requests = 0;
        for (int left = n; left > 0; left -= CHUNK) {
            int chunk = Math.min(CHUNK, left);
            for (int inChunk = chunk; inChunk > 0; inChunk -= perCall) {
                requests += EnvelopeSize.chunks(Math.min(perCall, inChunk) * envelope.kb());
            }
        }
        return requests;
    }

    /** Envelopes per PublishBatch call: ten, or as many as fit in 256 KB. */
    static int perCall(EnvelopeSize envelope) {
        return (int) Math.max(1, Math.min(CHUNK, Math.floor(EnvelopeSize.SNS_LIMIT_KB / envelope.kb() + 1e-9)));
    }

    /** f at a fractional count: linear between the neighbouring whole counts. */
    static double interpolate(double n, IntToDoubleFunction f) {
        int low = (int) Math.floor(n);
        double fraction = n - low;
        double atLow = f.applyAsDouble(low);
        return fraction < 1e-12 ? atLow : atLow * (1 - fraction) + f.applyAsDouble(low + 1) * fraction;
    }
}
