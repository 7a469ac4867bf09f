package dev.distributary.local.function;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The function host runs a real child JVM under AWS's Runtime Interface Client for each environment. */
class LocalFunctionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static LocalFunction function;

    @BeforeAll
    static void start() {
        function = function(2);
    }

    private static LocalFunction function(int maxInstances) {
        FunctionConfig config = new FunctionConfig(
                "test-fn",
                "eu-west-1",
                TestHandler.class.getName() + "::handleRequest",
                List.of(Path.of("target", "test-classes")),
                Map.of("CUSTOM_SETTING", "from-eu"),
                256,
                Duration.ofSeconds(3),
                maxInstances,
                Optional.of(work));
        return new LocalFunction(config, work, Map.of("PATH", System.getenv("PATH")));
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    @Test
    void invocation_runsInTheChildWithTheFunctionsOwnEnvironment() throws Exception {
        JsonNode output = success(function.invoke("{\"action\":\"echo\",\"value\":42}"));

        assertThat(output.get("functionName").asText()).isEqualTo("test-fn");
        assertThat(output.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(output.get("custom").asText()).isEqualTo("from-eu");
        assertThat(output.get("input").get("value").asInt()).isEqualTo(42);
        assertThat(output.get("pid").asLong())
                .isNotEqualTo(ProcessHandle.current().pid());
        assertThat(output.get("remainingMillis").asLong()).isBetween(1L, 3_000L);
    }

    @Test
    void secondInvocation_reusesTheWarmEnvironment() throws Exception {
        JsonNode first = success(function.invoke("{}"));
        JsonNode second = success(function.invoke("{}"));

        assertThat(second.get("pid").asLong()).isEqualTo(first.get("pid").asLong());
        assertThat(second.get("invocationInThisJvm").asInt())
                .isGreaterThan(first.get("invocationInThisJvm").asInt());
    }

    @Test
    void handlerException_isAFunctionError_andTheEnvironmentKeepsServing() throws Exception {
        JsonNode before = success(function.invoke("{}"));

        InvocationResult failed = function.invoke("{\"action\":\"fail\"}");
        JsonNode after = success(function.invoke("{}"));

        assertThat(failed).isInstanceOfSatisfying(InvocationResult.FunctionError.class, error -> {
            assertThat(error.errorType()).isEqualTo("java.lang.IllegalStateException");
            assertThat(error.errorMessage()).isEqualTo("asked to fail");
        });
        assertThat(after.get("pid").asLong()).isEqualTo(before.get("pid").asLong());
    }

    @Test
    void invocationPastItsDeadline_isKilled_andTheNextOneStartsCold() throws Exception {
        JsonNode before = success(function.invoke("{}"));
        int coldStartsBefore = function.coldStarts();

        InvocationResult slow = function.invoke("{\"action\":\"sleep\",\"millis\":10000}");
        JsonNode after = success(function.invoke("{}"));

        assertThat(slow).isEqualTo(new InvocationResult.TimedOut(Duration.ofSeconds(3)));
        assertThat(after.get("pid").asLong()).isNotEqualTo(before.get("pid").asLong());
        assertThat(after.get("invocationInThisJvm").asInt()).isEqualTo(1);
        assertThat(function.coldStarts()).isGreaterThan(coldStartsBefore);
        assertThat(ProcessHandle.of(before.get("pid").asLong()).map(ProcessHandle::isAlive))
                .isNotEqualTo(Optional.of(true));
    }

    @Test
    void environmentThatDies_failsItsInvocationAsACrash_andIsReplaced() throws Exception {
        try (LocalFunction single = function(1)) {
            JsonNode before = success(single.invoke("{}"));

            InvocationResult halted = single.invoke("{\"action\":\"halt\"}");
            JsonNode after = success(single.invoke("{}"));

            assertThat(halted)
                    .isInstanceOfSatisfying(
                            InvocationResult.Crashed.class,
                            crash -> assertThat(crash.reason()).contains("exit code 3"));
            assertThat(after.get("pid").asLong()).isNotEqualTo(before.get("pid").asLong());
            assertThat(after.get("invocationInThisJvm").asInt()).isEqualTo(1);
            assertThat(single.coldStarts()).isEqualTo(2);
        }
    }

    @Test
    void twoConcurrentInvocations_runInTwoEnvironments() throws Exception {
        CompletableFuture<InvocationResult> first =
                CompletableFuture.supplyAsync(() -> function.invoke("{\"action\":\"sleep\",\"millis\":500}"));
        CompletableFuture<InvocationResult> second =
                CompletableFuture.supplyAsync(() -> function.invoke("{\"action\":\"sleep\",\"millis\":500}"));

        long firstPid = success(first.get()).get("pid").asLong();
        long secondPid = success(second.get()).get("pid").asLong();

        assertThat(firstPid).isNotEqualTo(secondPid);
    }

    @Test
    void firstEnvironmentOfAJar_trainsAClassDataArchive_thatLaterEnvironmentsStartWith() throws Exception {
        ClassDataArchives archives = ClassDataArchives.in(work.resolve("class-data"));
        FunctionConfig config = new FunctionConfig(
                "jar-fn",
                "eu-west-1",
                TestHandler.class.getName() + "::handleRequest",
                List.of(handlerJar()),
                Map.of(FunctionInstance.JAVA_TOOL_OPTIONS, "-XX:TieredStopAtLevel=1"),
                256,
                Duration.ofSeconds(10),
                1,
                Optional.of(work));
        JsonNode trained;
        try (LocalFunction first = new LocalFunction(config, work, Map.of()).withClassDataArchives(archives)) {
            assertThat(first.classDataArchive()).isEmpty();
            trained = success(first.invoke("{}"));
        }
        LocalFunction later = new LocalFunction(config, work, Map.of()).withClassDataArchives(archives);
        Path archive = later.classDataArchive().orElseThrow();
        try (later) {
            JsonNode shared = success(later.invoke("{\"value\":1}"));

            assertThat(trained.get("jvmArguments").toString()).contains("-XX:ArchiveClassesAtExit=");
            assertThat(shared.get("jvmArguments"))
                    .extracting(JsonNode::asText)
                    .contains("-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1");
            assertThat(shared.get("input").get("value").asInt()).isEqualTo(1);
        }
    }

    @Test
    void archiveTheJvmCannotUse_isSkipped_andTheEnvironmentStartsWithoutIt() throws Exception {
        ClassDataArchives archives = ClassDataArchives.in(work.resolve("unusable-class-data"));
        FunctionConfig config = new FunctionConfig(
                "unusable-archive-fn",
                "eu-west-1",
                TestHandler.class.getName() + "::handleRequest",
                List.of(handlerJar()),
                Map.of(),
                256,
                Duration.ofSeconds(10),
                1,
                Optional.of(work));
        try (LocalFunction function = new LocalFunction(config, work, Map.of()).withClassDataArchives(archives)) {
            Path archive = Files.createDirectories(work.resolve("unusable-class-data"))
                    .resolve(ClassDataArchives.fileName(function.classPath(), function.javaToolOptions())
                            + ClassDataArchives.SUFFIX);
            Files.writeString(archive, "not a class-data archive");

            JsonNode output = success(function.invoke("{}"));

            assertThat(function.classDataArchive()).contains(archive);
            assertThat(output.get("jvmArguments"))
                    .extracting(JsonNode::asText)
                    .contains("-XX:SharedArchiveFile=" + archive);
        }
    }

    /** The test handler alone in a jar: a JVM trains an archive only from jars. */
    private static Path handlerJar() throws IOException {
        Path jar = work.resolve("handler.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            Path classes = Path.of("target", "test-classes");
            try (Stream<Path> files = Files.list(classes.resolve("dev/distributary/local/function"))) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith("TestHandler"))
                        .toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(file).toString()));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
        }
        return jar;
    }

    private static JsonNode success(InvocationResult result) throws Exception {
        assertThat(result).isInstanceOf(InvocationResult.Success.class);
        return JSON.readTree(((InvocationResult.Success) result).payload());
    }
}
