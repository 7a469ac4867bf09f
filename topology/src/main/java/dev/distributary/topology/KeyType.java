package dev.distributary.topology;

/** DynamoDB scalar key types. */
public enum KeyType implements YamlName {
    S,
    N,
    B;

    @Override
    public String yamlName() {
        return name();
    }
}
