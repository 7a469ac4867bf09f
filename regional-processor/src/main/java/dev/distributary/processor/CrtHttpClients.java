package dev.distributary.processor;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;

/**
 * The only class that names a CRT type. The JVM loads it, and with it aws-crt-client and the native
 * aws-crt runtime, only when {@code DISTRIBUTARY_HTTP_CLIENT=crt}; the default jar does not contain them
 * (aws-crt-client is a {@code provided} dependency, packaged only by the {@code crt-client} profile).
 */
final class CrtHttpClients {
    private CrtHttpClients() {}

    static SdkHttpClient build() {
        return AwsCrtHttpClient.builder()
                .connectionTimeout(ProcessorHttpClients.CONNECTION_TIMEOUT)
                // the nearest to a socket timeout: a connection under 1 byte/s for this long is closed
                .connectionHealthConfiguration(health ->
                        health.minimumThroughputInBps(1L).minimumThroughputTimeout(ProcessorHttpClients.SOCKET_TIMEOUT))
                .build();
    }
}
