package dev.distributary.topology;

/** {@code multi-writer}: every region writes and processes its own changes; {@code primary-region}: only the primary does. */
public enum RoutingMode implements YamlName {
    MULTI_WRITER("multi-writer"),
    PRIMARY_REGION("primary-region");

    private final String yamlName;

    RoutingMode(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
