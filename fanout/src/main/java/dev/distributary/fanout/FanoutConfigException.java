package dev.distributary.fanout;

/**
 * A platform whose fan-out SNS cannot express: too many message attributes for a table, or a
 * consumer's filter policy beyond SNS's limits. The message names the table or consumer and what
 * to change in platform.yaml.
 */
public final class FanoutConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FanoutConfigException(String message) {
        super(message);
    }
}
