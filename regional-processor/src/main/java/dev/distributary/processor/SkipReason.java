package dev.distributary.processor;

/** Why a record was deliberately not published. Every skip is counted. */
public enum SkipReason {
    /** Written in another region, and no consumer here takes replicated changes. */
    REPLICA_NOT_WANTED,
    /** No consumer's subscription would accept the event. */
    NO_MATCHING_CONSUMER,
    /** Published before: a retry or redelivery of the event source mapping. */
    ALREADY_HANDLED,
    /** TTL removed a tombstone whose logical delete was already published. */
    TOMBSTONE_EXPIRED,
    /** A 2017.11.29 replication bookkeeping write; the change itself has its own record. */
    LEGACY_BOOKKEEPING,
    /** Written without the origin-stamping writer; the primary region's processor quarantines it, the others skip it. */
    UNSTAMPED
}
