package dev.distributary.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distributary.topology.ProcessorEnvironment;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@value ProcessorEnvironment#HTTP_CLIENT}: read once into the config, default url-connection, a clear error otherwise. */
class ProcessorConfigHttpClientTest {

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "shop-processor");
        env.put(
                ProcessorEnvironment.PLATFORM_FILE,
                Path.of("..", "platform.yaml").toString());
        env.put(ProcessorEnvironment.TOPICS, "us-east-1=" + Processors.topicArn("us-east-1"));
        env.put(
                ProcessorEnvironment.QUARANTINE_QUEUE_URL,
                "https://sqs.us-east-1.amazonaws.com/123456789012/shop-quarantine");
        env.put(ProcessorEnvironment.IDEMPOTENCY_TABLE, "shop-idempotency");
        return env;
    }

    private static Map<String, String> environmentWith(String httpClient) {
        Map<String, String> env = environment();
        env.put(ProcessorEnvironment.HTTP_CLIENT, httpClient);
        return env;
    }

    @Test
    void variableUnset_fromEnvironment_choosesUrlConnection() {
        assertThat(ProcessorConfig.fromEnvironment(environment()).httpClient())
                .isEqualTo(HttpClientKind.URL_CONNECTION);
    }

    @Test
    void variableBlank_fromEnvironment_choosesUrlConnection() {
        assertThat(ProcessorConfig.fromEnvironment(environmentWith(" ")).httpClient())
                .isEqualTo(HttpClientKind.URL_CONNECTION);
    }

    @Test
    void variableUrlConnection_fromEnvironment_choosesUrlConnection() {
        assertThat(ProcessorConfig.fromEnvironment(environmentWith("url-connection"))
                        .httpClient())
                .isEqualTo(HttpClientKind.URL_CONNECTION);
    }

    @Test
    void variableCrt_fromEnvironment_choosesCrt() {
        assertThat(ProcessorConfig.fromEnvironment(environmentWith("crt")).httpClient())
                .isEqualTo(HttpClientKind.CRT);
    }

    @Test
    void variableCrtInCapitalsWithBlanks_fromEnvironment_choosesCrt() {
        assertThat(ProcessorConfig.fromEnvironment(environmentWith(" CRT ")).httpClient())
                .isEqualTo(HttpClientKind.CRT);
    }

    @Test
    void variableUnknown_fromEnvironment_failsNamingVariableValueAndAllowedValues() {
        assertThatThrownBy(() -> ProcessorConfig.fromEnvironment(environmentWith("apache")))
                .isInstanceOf(ProcessorConfigException.class)
                .hasMessageContaining("DISTRIBUTARY_HTTP_CLIENT is 'apache'")
                .hasMessageContaining("allowed values: url-connection, crt");
    }

    @Test
    void variableUnknownAndQueueMissing_fromEnvironment_reportsBothProblemsAtOnce() {
        Map<String, String> env = environmentWith("netty");
        env.remove(ProcessorEnvironment.QUARANTINE_QUEUE_URL);
        assertThatThrownBy(() -> ProcessorConfig.fromEnvironment(env))
                .isInstanceOf(ProcessorConfigException.class)
                .hasMessageContaining(ProcessorEnvironment.QUARANTINE_QUEUE_URL + " is not set")
                .hasMessageContaining("DISTRIBUTARY_HTTP_CLIENT is 'netty'");
    }

    @Test
    void configBuiltWithoutHttpClient_constructor_choosesUrlConnection() {
        assertThat(Processors.config(Processors.SHIPPED, "us-east-1").httpClient())
                .isEqualTo(HttpClientKind.URL_CONNECTION);
    }
}
