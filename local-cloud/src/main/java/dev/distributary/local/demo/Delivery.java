package dev.distributary.local.demo;

import dev.distributary.fanout.ChangeEvent;

/** One event as a consumer's queue delivered it, with when it arrived. */
record Delivery(String consumer, String region, ChangeEvent event, long receivedAtMillis) {

    /** The change it carries, in {@link Change#identity()} terms. */
    String identity() {
        long version = event.op() == dev.distributary.fanout.Op.TOMBSTONE
                ? event.before().or(event::after).flatMap(image -> image.number("version")).map(Long::parseLong).orElse(-1L)
                : event.after().flatMap(image -> image.number("version")).map(Long::parseLong).orElse(-1L);
        return event.table() + "|" + event.subject() + "|" + event.op().wireName() + "|" + version;
    }

    String key() {
        return consumer + "@" + region + "|" + identity();
    }

    long latencyMillis() {
        return receivedAtMillis - event.time().toEpochMilli();
    }
}
