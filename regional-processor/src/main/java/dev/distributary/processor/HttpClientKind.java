package dev.distributary.processor;

import dev.distributary.topology.ProcessorEnvironment;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The HTTP client the processor's AWS clients use, a deployment choice read from
 * {@value ProcessorEnvironment#HTTP_CLIENT}: the SDK's lightweight URL-connection client (the default,
 * in every jar) or the AWS CRT client (only in {@code distributary-processor-crt.jar}).
 */
public enum HttpClientKind {
    /** {@code UrlConnectionHttpClient}: pure Java, in the default deployment jar. */
    URL_CONNECTION("url-connection"),
    /** {@code AwsCrtHttpClient}: native (aws-crt), only in the jar built with {@code -Pcrt-client}. */
    CRT("crt");

    private final String value;

    HttpClientKind(String value) {
        this.value = value;
    }

    /** The value that selects it in {@value ProcessorEnvironment#HTTP_CLIENT}. */
    public String value() {
        return value;
    }

    /** The allowed values, for messages: {@code url-connection, crt}. */
    public static String allowedValues() {
        return Arrays.stream(values()).map(HttpClientKind::value).collect(Collectors.joining(", "));
    }

    /** Parses a value (case and surrounding blanks ignored); {@link IllegalArgumentException} names the allowed values. */
    public static HttpClientKind parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (HttpClientKind kind : values()) {
            if (kind.value.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(ProcessorEnvironment.HTTP_CLIENT + " is '" + text + "'; allowed values: "
                + allowedValues() + " (default " + URL_CONNECTION.value + ")");
    }
}
