package dev.distributary.local.workload;

import dev.distributary.change.Operation;
import java.util.Map;

/**
 * One change a workload made, as ground truth: where it was written, to which item, what it
 * was, and the item attributes consumers may filter on.
 *
 * @param table      the table
 * @param origin     the region that took the write
 * @param subject    the item's key as envelopes name it ({@code pk=...,sk=...})
 * @param op         insert, modify or tombstone
 * @param version    the item's version after the change (the tombstone keeps the last one)
 * @param dataClass  the item's data class
 * @param attributes the item's string attributes after the change
 * @param writtenAt  when the write was sent, epoch ms
 */
public record Change(
        String table,
        String origin,
        String subject,
        Operation op,
        long version,
        String dataClass,
        Map<String, String> attributes,
        long writtenAt) {

    /** What identifies the change in a delivered event: table, item, op and version. */
    public String identity() {
        return table + "|" + subject + "|" + op.wireName() + "|" + version;
    }

    /** The item and version, whatever op a region's copy shows it as (a reordered copy of a MODIFY arrives as an INSERT). */
    public String itemVersion() {
        return table + "|" + subject + "|" + (op == Operation.TOMBSTONE ? "tombstone" : "live") + "|" + version;
    }

    /** The item. */
    public String item() {
        return table + "|" + subject;
    }
}
