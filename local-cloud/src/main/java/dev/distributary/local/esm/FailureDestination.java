package dev.distributary.local.esm;

/** Where discarded batches are described (the mapping's DestinationConfig.OnFailure). */
@FunctionalInterface
public interface FailureDestination {
    /** Delivers one on-failure record (JSON); throws when it could not be delivered. */
    void send(String record);
}
