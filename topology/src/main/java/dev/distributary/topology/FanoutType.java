package dev.distributary.topology;

/** Standard SNS/SQS, or FIFO topics and queues with per-item order and deduplication. */
public enum FanoutType implements YamlName {
    STANDARD("standard"),
    FIFO("fifo");

    private final String yamlName;

    FanoutType(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
