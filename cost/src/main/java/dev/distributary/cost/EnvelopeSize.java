package dev.distributary.cost;

/**
 * The size of one change's message on SNS and SQS: the CloudEvents envelope with the before and
 * after images (about {@code 2 * K + 1} KB), or, when that would exceed SNS's 256 KB, the keys-only
 * envelope the processor degrades to (about 1 KB).
 */
public sealed interface EnvelopeSize {
    /** SNS's (and the PublishBatch call's) limit, in KB. */
    double SNS_LIMIT_KB = 256;
    /** Both SNS and SQS bill each started 64 KB chunk of a call's payload as one request. */
    double BILLING_CHUNK_KB = 64;
    /** CloudEvents attributes, keys and message attributes. */
    double OVERHEAD_KB = 1;

    double kb();

    static EnvelopeSize of(double itemKb) {
        double full = 2 * itemKb + OVERHEAD_KB;
        return full <= SNS_LIMIT_KB ? new Full(full) : new KeysOnly(OVERHEAD_KB);
    }

    /** Billed requests for a call carrying {@code kb} of payload. */
    static int chunks(double kb) {
        return (int) Math.max(1, Math.ceil(kb / BILLING_CHUNK_KB - 1e-9));
    }

    /** Before and after images in full. */
    record Full(double kb) implements EnvelopeSize {
        public Full {
            if (kb <= 0 || kb > SNS_LIMIT_KB) {
                throw new IllegalArgumentException("a full envelope is more than 0 and at most 256 KB, not " + kb);
            }
        }
    }

    /** Too big for SNS with its images: the keys only, {@code truncated: true}. */
    record KeysOnly(double kb) implements EnvelopeSize {
        public KeysOnly {
            if (kb <= 0 || kb > SNS_LIMIT_KB) {
                throw new IllegalArgumentException("a keys-only envelope is more than 0 and at most 256 KB, not " + kb);
            }
        }
    }
}
