package dev.distributary.fanout.internal;

import dev.distributary.fanout.Envelope;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits envelopes into PublishBatch calls: at most ten entries and 256 KB per call, in order.
 * An envelope that alone exceeds 256 KB is in no batch.
 */
public final class PublishBatches {
    public static final int MAX_ENTRIES = 10;

    private PublishBatches() {}

    /** The batches, as indexes into {@code envelopes}. */
    public static List<List<Integer>> of(List<Envelope> envelopes) {
        return of(envelopes.stream().mapToLong(Envelope::snsSizeBytes).toArray());
    }

    /** The batches of envelopes of these sizes ({@link Envelope#snsSizeBytes()}), as indexes into {@code sizes}. */
    public static List<List<Integer>> of(long[] sizes) {
        List<List<Integer>> batches = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < sizes.length; i++) {
            long size = sizes[i];
            if (size > SnsSize.MAX_BYTES) {
                continue;
            }
            if (current.size() == MAX_ENTRIES || bytes + size > SnsSize.MAX_BYTES) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(i);
            bytes += size;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
