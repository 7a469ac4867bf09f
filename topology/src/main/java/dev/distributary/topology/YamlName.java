package dev.distributary.topology;

/** An enumerated value as it is spelled in {@code platform.yaml}. */
public interface YamlName {
    String yamlName();
}
