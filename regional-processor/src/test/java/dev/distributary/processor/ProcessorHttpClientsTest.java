package dev.distributary.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.distributary.topology.ProcessorEnvironment;
import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.crt.AwsCrtHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** The HTTP client each choice builds, and what choosing {@code crt} does where the CRT classes are missing. */
class ProcessorHttpClientsTest {

    @Test
    void urlConnectionChosen_build_givesUrlConnectionClient() {
        try (SdkHttpClient client = ProcessorHttpClients.build(HttpClientKind.URL_CONNECTION)) {
            assertThat(client).isInstanceOf(UrlConnectionHttpClient.class);
        }
    }

    @Test
    void crtChosenWithCrtOnClassPath_build_givesAwsCrtClient() {
        // aws-crt-client is a provided dependency, so the test class path has it (and aws-crt's native library for this
        // machine)
        try (SdkHttpClient client = ProcessorHttpClients.build(HttpClientKind.CRT)) {
            assertThat(client).isInstanceOf(AwsCrtHttpClient.class);
        }
    }

    @Test
    void crtChosenWithCrtClassesHidden_build_failsNamingVariableCrtJarAndBuildCommand() {
        ClassLoader withoutCrt = new ClassLoader(ProcessorHttpClientsTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (isCrt(name)) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
        assertThatThrownBy(() -> ProcessorHttpClients.build(HttpClientKind.CRT, withoutCrt))
                .isInstanceOf(ProcessorConfigException.class)
                .hasMessageContaining("DISTRIBUTARY_HTTP_CLIENT=crt")
                .hasMessageContaining("regional-processor/target/distributary-processor-crt.jar")
                .hasMessageContaining("-Pcrt-client");
    }

    /**
     * As in the default jar: the processor's classes and dependencies without aws-crt-client and aws-crt,
     * in a class loader of their own. Choosing crt there fails in the handler's constructor (Lambda's init).
     */
    @Test
    void crtChosenWithoutCrtJarsOnClassPath_handlerInit_failsWithConfigExceptionNamingVariableAndBuild()
            throws Exception {
        URL[] classPath = Arrays.stream(testClassPath().split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("aws-crt"))
                .map(ProcessorHttpClientsTest::url)
                .toArray(URL[]::new);
        try (URLClassLoader withoutCrt = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> withoutCrt.loadClass(ProcessorHttpClients.CRT_CLIENT_CLASS))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> configType = withoutCrt.loadClass(ProcessorConfig.class.getName());
            Method fromEnvironment = configType.getMethod("fromEnvironment", Map.class);
            Object config = fromEnvironment.invoke(null, environmentChoosingCrt());
            Constructor<?> handler = withoutCrt
                    .loadClass(RegionalProcessorHandler.class.getName())
                    .getDeclaredConstructor(configType);
            handler.setAccessible(true);

            assertThatThrownBy(() -> handler.newInstance(config))
                    .isInstanceOf(InvocationTargetException.class)
                    .cause()
                    .satisfies(cause ->
                            assertThat(cause.getClass().getName()).isEqualTo(ProcessorConfigException.class.getName()))
                    .hasMessageContaining(
                            "DISTRIBUTARY_HTTP_CLIENT=crt, but this deployment jar has no AWS CRT HTTP client")
                    .hasMessageContaining("./mvnw -pl regional-processor -am package -Pcrt-client -DskipTests");
        }
    }

    private static boolean isCrt(String name) {
        return name.startsWith("software.amazon.awssdk.http.crt.") || name.startsWith("software.amazon.awssdk.crt.");
    }

    private static Map<String, String> environmentChoosingCrt() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_LAMBDA_FUNCTION_NAME", "shop-processor");
        env.put(
                ProcessorEnvironment.PLATFORM_FILE,
                Path.of("..", "platform.yaml").toString());
        env.put(ProcessorEnvironment.TOPICS, "us-east-1=" + Processors.topicArn("us-east-1"));
        env.put(ProcessorEnvironment.QUARANTINE_QUEUE_URL, "http://127.0.0.1:9/123456789012/shop-quarantine");
        env.put(ProcessorEnvironment.IDEMPOTENCY_TABLE, "shop-idempotency");
        env.put(ProcessorEnvironment.HTTP_CLIENT, "crt");
        return env;
    }

    /** Surefire runs the tests from a manifest-only jar; it names the real class path in this property. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static URL url(String entry) {
        try {
            return Path.of(entry).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
