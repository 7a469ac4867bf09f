package dev.distributary.processor.idempotency;

import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A shard's checkpoint: the highest sequence number the function has fully handled, and the
 * records beyond it that a partly failed chunk published to some topics. Sequence numbers are
 * compared as numbers (they grow in length over a stream's life).
 *
 * @param upTo            every record of the shard up to this sequence number is handled; empty before the first
 * @param publishedBeyond per sequence number above {@code upTo}, the regions whose topics took that record
 * @param revision        how many times the checkpoint was written: the next write expects exactly this one
 */
public record Checkpoint(Optional<BigInteger> upTo, Map<BigInteger, Set<String>> publishedBeyond, long revision) {

    public Checkpoint {
        Objects.requireNonNull(upTo, "upTo");
        TreeMap<BigInteger, Set<String>> sorted = new TreeMap<>();
        publishedBeyond.forEach((sequence, regions) -> {
            if (!regions.isEmpty()
                    && upTo.map(limit -> sequence.compareTo(limit) > 0).orElse(true)) {
                sorted.put(sequence, Set.copyOf(regions));
            }
        });
        publishedBeyond = java.util.Collections.unmodifiableMap(sorted);
        if (revision < 0) {
            throw new IllegalArgumentException("a checkpoint's revision cannot be negative: " + revision);
        }
    }

    /** A shard nothing has been handled in yet. */
    public static Checkpoint none() {
        return new Checkpoint(Optional.empty(), Map.of(), 0);
    }

    /** Whether the record with this sequence number is handled. */
    public boolean covers(BigInteger sequence) {
        return upTo.isPresent() && sequence.compareTo(upTo.get()) <= 0;
    }

    /** The regions whose topics already took the record beyond {@link #upTo} with this sequence number. */
    public Set<String> publishedTo(BigInteger sequence) {
        return publishedBeyond.getOrDefault(sequence, Set.of());
    }

    /**
     * The next checkpoint: {@code upTo} moved to {@code through} (never back), the records beyond it
     * merged with those already known; the revision one higher.
     */
    public Checkpoint advance(Optional<BigInteger> through, Map<BigInteger, Set<String>> published) {
        Optional<BigInteger> next =
                through.filter(sequence -> !covers(sequence)).or(() -> upTo);
        Map<BigInteger, Set<String>> merged = new TreeMap<>(publishedBeyond);
        published.forEach((sequence, regions) -> merged.merge(sequence, regions, (a, b) -> {
            java.util.Set<String> union = new java.util.TreeSet<>(a);
            union.addAll(b);
            return union;
        }));
        return new Checkpoint(next, merged, revision + 1);
    }

    /** Whether {@code other} says the same (apart from the revision): writing it would change nothing. */
    public boolean sameAs(Checkpoint other) {
        return upTo.equals(other.upTo) && publishedBeyond.equals(other.publishedBeyond);
    }
}
