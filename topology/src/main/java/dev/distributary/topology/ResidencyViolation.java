package dev.distributary.topology;

/**
 * A place where the platform would move data of a class into a region its zone does not include.
 *
 * @param path      where in platform.yaml the offending setting is (for example {@code fanout.consumers[2].regions})
 * @param table     the table whose data would move
 * @param dataClass the data class concerned
 * @param region    the region it must not reach
 * @param message   what is wrong and what to change
 */
public record ResidencyViolation(String path, String table, String dataClass, String region, String message) {}
