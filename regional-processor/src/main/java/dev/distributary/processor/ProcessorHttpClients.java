package dev.distributary.processor;

import dev.distributary.topology.ProcessorEnvironment;
import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Builds the one HTTP client a function instance's AWS clients share, as {@link ProcessorConfig#httpClient()}
 * chooses. The CRT client is built by {@link CrtHttpClients}, a class only loaded when {@code crt} is chosen,
 * so that the default jar (no CRT inside) never touches a CRT type; choosing {@code crt} in such a jar fails
 * at init with a {@link ProcessorConfigException} that says how to build the jar that has it.
 */
final class ProcessorHttpClients {
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(10);
    /** The deployment jar with the CRT client, and how to build it (from the repository root). */
    static final String CRT_JAR = "regional-processor/target/distributary-processor-crt.jar";

    static final String CRT_BUILD = "./mvnw -pl regional-processor -am package -Pcrt-client -DskipTests";
    /** A class of aws-crt-client and one of aws-crt (the native runtime): both must be on the class path. */
    static final String CRT_CLIENT_CLASS = "software.amazon.awssdk.http.crt.AwsCrtHttpClient";

    static final String CRT_RUNTIME_CLASS = "software.amazon.awssdk.crt.CRT";

    private ProcessorHttpClients() {}

    static SdkHttpClient build(HttpClientKind kind) {
        return build(kind, ProcessorHttpClients.class.getClassLoader());
    }

    /** As {@link #build(HttpClientKind)}, looking for the CRT classes in {@code loader}. */
    static SdkHttpClient build(HttpClientKind kind, ClassLoader loader) {
        return switch (kind) {
            case URL_CONNECTION ->
                UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECTION_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT)
                        .build();
            case CRT -> {
                requireCrt(loader);
                try {
                    yield CrtHttpClients.build();
                } catch (LinkageError e) {
                    // the classes are there but the native library is not (a jar built for another platform, say)
                    throw new ProcessorConfigException(
                            ProcessorEnvironment.HTTP_CLIENT + "=crt: the AWS CRT HTTP client cannot start on "
                                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + " (" + e
                                    + "); build " + CRT_JAR
                                    + " with `" + CRT_BUILD + "`, or unset " + ProcessorEnvironment.HTTP_CLIENT
                                    + " to use "
                                    + HttpClientKind.URL_CONNECTION.value(),
                            e);
                }
            }
        };
    }

    /** Fails with a {@link ProcessorConfigException} when the CRT client or its runtime is not in {@code loader}. */
    static void requireCrt(ClassLoader loader) {
        for (String name : new String[] {CRT_CLIENT_CLASS, CRT_RUNTIME_CLASS}) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ProcessorConfigException(
                        ProcessorEnvironment.HTTP_CLIENT + "=crt, but this deployment jar has no AWS CRT HTTP client ("
                                + name + " is missing): deploy " + CRT_JAR + ", built with `" + CRT_BUILD
                                + "`, or unset "
                                + ProcessorEnvironment.HTTP_CLIENT + " (or set it to "
                                + HttpClientKind.URL_CONNECTION.value() + ") for the default jar",
                        e);
            }
        }
    }
}
