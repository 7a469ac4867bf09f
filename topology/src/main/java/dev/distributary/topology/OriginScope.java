package dev.distributary.topology;

/** Which copies of a change a consumer takes: only the one from the region that wrote it, or every region's. */
public enum OriginScope implements YamlName {
    /** Once globally: only changes written in the consumer's region. */
    LOCAL("local"),
    /** Once per region: local changes and the replicated copies of other regions' changes. */
    ANY("any");

    private final String yamlName;

    OriginScope(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }
}
