package dev.distributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distributary.fanout.provision.ProvisionedRegion;
import dev.distributary.moto.AwsClients;
import dev.distributary.moto.MotoServer;
import dev.distributary.moto.junit.MotoTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Walks every registered command and subcommand and holds each to the same conventions: help and
 * version exit 0, an unknown option is one line and exit 2, a one-line summary in its parent's
 * command list, and, where it prints something for programs, {@code --format json} that parses.
 */
@MotoTest
class CliConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLATFORM = "../platform.yaml";
    private static final String JAR = "../regional-processor/target/distributary-processor.jar";
    /** The widest a summary may be and still fit on one line of the command list. */
    private static final int SUMMARY_WIDTH = 62;

    /**
     * For each command that takes --format, arguments that make it print (--format json is
     * added), after whatever the emulator must hold for it. A command given --format without a
     * sample here fails {@link #everyCommandWithFormat_hasAJsonSample()}.
     */
    private static final Map<String, BiFunction<MotoServer, AwsClients, List<String>>> JSON_SAMPLES =
            new LinkedHashMap<>();

    static {
        JSON_SAMPLES.put("validate", (moto, aws) -> List.of("validate", "-f", PLATFORM));
        JSON_SAMPLES.put("plan", (moto, aws) -> List.of("plan", "-f", PLATFORM));
        JSON_SAMPLES.put("synth", (moto, aws) -> List.of("synth", "-f", PLATFORM, "--region", "eu-west-1"));
        JSON_SAMPLES.put("cost", (moto, aws) -> List.of("cost", "-f", PLATFORM, "--writes-per-second", "100"));
        JSON_SAMPLES.put("consume", (moto, aws) -> {
            ProvisionedRegion region = MotoPlatform.provision(aws, "us-east-1");
            MotoPlatform.publish(aws, region, MotoPlatform.orderLifecycle("us-east-1"));
            return List.of(
                    "consume",
                    "-f",
                    PLATFORM,
                    "--endpoint",
                    moto.endpoint().toString(),
                    "--region",
                    "us-east-1",
                    "--consumer",
                    "order-cache");
        });
        JSON_SAMPLES.put("quarantine", (moto, aws) -> {
            String url = aws.sqs("us-east-1")
                    .createQueue(b -> b.queueName(MotoPlatform.NAMES.quarantineQueue()))
                    .queueUrl();
            aws.sqs("us-east-1")
                    .sendMessage(b ->
                            b.queueUrl(url).messageBody("{\"reason\":\"malformed: a test\",\"region\":\"us-east-1\"}"));
            return List.of(
                    "quarantine", "-f", PLATFORM, "--endpoint", moto.endpoint().toString(), "--region", "us-east-1");
        });
        JSON_SAMPLES.put("redrive", (moto, aws) -> {
            ProvisionedRegion region = MotoPlatform.provision(aws, "us-east-1");
            String dlq = region.requireQueue("billing").deadLetterQueueUrl();
            MotoPlatform.orderLifecycle("us-east-1")
                    .forEach(e -> aws.sqs("us-east-1")
                            .sendMessage(b -> b.queueUrl(dlq).messageBody(e.json())));
            return List.of(
                    "redrive",
                    "-f",
                    PLATFORM,
                    "--endpoint",
                    moto.endpoint().toString(),
                    "--region",
                    "us-east-1",
                    "--consumer",
                    "billing");
        });
        JSON_SAMPLES.put(
                "demo",
                (moto, aws) -> List.of(
                        "demo",
                        "-f",
                        PLATFORM,
                        "--endpoint",
                        moto.endpoint().toString(),
                        "--processor-jar",
                        JAR,
                        "--events",
                        "10"));
        JSON_SAMPLES.put(
                "chaos",
                (moto, aws) -> List.of(
                        "chaos",
                        "-f",
                        PLATFORM,
                        "--endpoint",
                        moto.endpoint().toString(),
                        "--processor-jar",
                        JAR,
                        "--scenario",
                        "duplicate-batches",
                        "--events",
                        "20"));
        JSON_SAMPLES.put(
                "local up",
                (moto, aws) -> List.of(
                        "local",
                        "up",
                        "-f",
                        PLATFORM,
                        "--endpoint",
                        moto.endpoint().toString(),
                        "--processor-jar",
                        JAR));
    }

    /** Every command, as the words that name it after "distributary"; the root is the empty list. */
    static Stream<List<String>> commands() {
        List<List<String>> paths = new ArrayList<>();
        walk(new CommandLine(new Distributary(Terminal.none())), new ArrayList<>(), paths);
        return paths.stream();
    }

    private static void walk(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            List<String> next = new ArrayList<>(path);
            next.add(name);
            walk(sub, next, paths);
        });
    }

    static Stream<List<String>> commandsWithFormat() {
        return commands().filter(path -> spec(path).findOption("--format") != null);
    }

    @ParameterizedTest(name = "distributary {0} --help")
    @MethodSource("commands")
    void help_exitsZero_withTheUsageOnStandardOutput(List<String> path) {
        for (String flag : List.of("--help", "-h")) {
            CliRun run = CliRun.of(args(path, flag));

            assertThat(run.exitCode()).as("%s %s: %s", path, flag, run.err()).isZero();
            assertThat(run.out())
                    .contains("Usage: " + name(path))
                    .contains("-h, --help")
                    .contains("-V, --version");
            assertThat(run.err()).isEmpty();
        }
    }

    @ParameterizedTest(name = "distributary help {0}")
    @MethodSource("commands")
    void helpCommand_showsTheHelpOfTheCommandItNames(List<String> path) {
        CliRun run = CliRun.of(args(List.of("help"), path.toArray(String[]::new)));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Usage: " + name(path) + " [");
    }

    @ParameterizedTest(name = "distributary {0} --version")
    @MethodSource("commands")
    void version_exitsZero_withTheProjectsVersion(List<String> path) {
        for (String flag : List.of("--version", "-V")) {
            CliRun run = CliRun.of(args(path, flag));

            assertThat(run.exitCode()).isZero();
            assertThat(run.out().lines().findFirst()).hasValue("distributary " + Distributary.version());
        }
        assertThat(Distributary.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @ParameterizedTest(name = "distributary {0} --no-such-option")
    @MethodSource("commands")
    void unknownOption_exitsTwo_withOneLine(List<String> path) {
        CliRun run = CliRun.of(args(path, "--no-such-option"));

        assertThat(run.exitCode()).isEqualTo(Distributary.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0))
                .startsWith(name(path) + ": Unknown option: '--no-such-option'")
                .endsWith("(see '" + name(path) + " --help')");
    }

    @ParameterizedTest(name = "distributary {0}")
    @MethodSource("commands")
    void everyCommand_hasAOneLineSummary(List<String> path) {
        String[] header = spec(path).usageMessage().header();

        assertThat(header).as("the header of %s", name(path)).hasSize(1);
        assertThat(header[0]).hasSizeLessThanOrEqualTo(SUMMARY_WIDTH).endsWith(".");
        if (!path.isEmpty()) {
            String list =
                    CliRun.of(args(path.subList(0, path.size() - 1), "--help")).out();
            assertThat(list)
                    .contains("  " + path.get(path.size() - 1))
                    .containsPattern("(?m)^  " + path.get(path.size() - 1) + " +"
                            + java.util.regex.Pattern.quote(header[0]) + "$");
        }
    }

    @ParameterizedTest(name = "distributary {0} --format")
    @MethodSource("commandsWithFormat")
    void formatOption_offersTextAndJson_defaultText(List<String> path) {
        OptionSpec format = spec(path).findOption("--format");

        assertThat(format.completionCandidates()).containsExactly("text", "json");
        assertThat(format.defaultValue()).isEqualTo("text");
    }

    @Test
    void everyCommandWithFormat_hasAJsonSample() {
        assertThat(commandsWithFormat().map(path -> String.join(" ", path)))
                .containsExactlyInAnyOrderElementsOf(JSON_SAMPLES.keySet());
    }

    @Tag("e2e")
    @ParameterizedTest(name = "distributary {0} --format json")
    @MethodSource("commandsWithFormat")
    void jsonOutput_parses_andIsAllThatStandardOutputHolds(List<String> path, MotoServer moto, AwsClients aws)
            throws Exception {
        moto.reset();
        List<String> args =
                new ArrayList<>(JSON_SAMPLES.get(String.join(" ", path)).apply(moto, aws));
        args.addAll(List.of("--format", "json"));

        String out = path.equals(List.of("local", "up")) ? untilStopped(args) : run(args);

        List<JsonNode> documents = parse(out);
        assertThat(documents)
                .as(out)
                .isNotEmpty()
                .allSatisfy(node -> assertThat(node.isObject()).isTrue());
    }

    /** The JSON of a command that ends by itself. */
    private static String run(List<String> args) {
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    /** The JSON that local up prints once the platform runs; then it is stopped as a Ctrl-C would. */
    private static String untilStopped(List<String> args) throws InterruptedException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread command = new Thread(
                () -> exit.set(Distributary.run(
                        new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new))),
                "local-up");
        command.start();
        await().atMost(Duration.ofMinutes(2))
                .until(() -> !out.toString().isBlank()
                                && !parseQuietly(out.toString()).isEmpty()
                        || !command.isAlive());
        command.interrupt();
        command.join(Duration.ofMinutes(1).toMillis());
        assertThat(exit.get()).as(err.toString()).isZero();
        assertThat(err.toString()).contains("Distributary stopped: replication and 3 processors (the emulator at ");
        return out.toString();
    }

    /** One JSON document, or JSON Lines (one document per line). */
    private static List<JsonNode> parse(String out) throws JsonProcessingException {
        String text = out.strip();
        if (text.contains("\n") && text.lines().allMatch(line -> line.startsWith("{") && line.endsWith("}"))) {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : text.lines().toList()) {
                lines.add(JSON.readTree(line));
            }
            return lines;
        }
        return List.of(JSON.readTree(text));
    }

    private static List<JsonNode> parseQuietly(String out) {
        try {
            return parse(out);
        } catch (JsonProcessingException incomplete) {
            return List.of();
        }
    }

    private static CommandSpec spec(List<String> path) {
        CommandLine command = new CommandLine(new Distributary(Terminal.none()));
        for (String name : path) {
            command = command.getSubcommands().get(name);
        }
        return command.getCommandSpec();
    }

    private static String name(List<String> path) {
        return path.isEmpty() ? "distributary" : "distributary " + String.join(" ", path);
    }

    private static String[] args(List<String> path, String... more) {
        List<String> all = new ArrayList<>(path);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
