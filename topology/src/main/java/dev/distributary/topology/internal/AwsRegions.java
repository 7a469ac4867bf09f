package dev.distributary.topology.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/** The AWS region codes, from a list kept beside this class (a test compares it with the AWS SDK's). */
public final class AwsRegions {
    private static final Set<String> CODES = load();

    private AwsRegions() {}

    public static Set<String> codes() {
        return CODES;
    }

    public static boolean isKnown(String code) {
        return CODES.contains(code);
    }

    private static Set<String> load() {
        try (InputStream in = AwsRegions.class.getResourceAsStream("/dev/distributary/topology/aws-regions.txt")) {
            if (in == null) {
                throw new IllegalStateException("aws-regions.txt is missing from the topology jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
