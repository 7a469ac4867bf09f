package dev.distributary.replication;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * Where and when a change was written, as the item's stamp says.
 *
 * @param region          the region that wrote it
 * @param writeTimeMillis the write time in epoch milliseconds, when the item carries one
 * @param legacy          true when read from the 2017.11.29 attributes ({@code aws:rep:updateregion},
 *                        {@code aws:rep:updatetime}) because the item has no origin stamp
 */
public record Origin(String region, OptionalLong writeTimeMillis, boolean legacy) {
    public Origin {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(writeTimeMillis, "writeTimeMillis");
    }

    String describe() {
        return legacy ? region + " (2017.11.29 aws:rep:updateregion)" : region;
    }
}
