package dev.distributary.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.distributary.change.Operation;
import dev.distributary.local.internal.workload.Quarantines;
import dev.distributary.local.internal.workload.Tally;
import dev.distributary.local.workload.Change;
import dev.distributary.local.workload.DeliveryRecorder;
import dev.distributary.local.workload.Drain;
import dev.distributary.local.workload.Expectations;
import dev.distributary.moto.MotoServer;
import dev.distributary.moto.junit.MotoTest;
import dev.distributary.topology.TableSpec;
import dev.distributary.topology.Topology;
import dev.distributary.topology.TopologyLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The writer contract (docs/writing-to-tables.md) as a writer outside Java meets it: the doc's Python
 * (boto3) and AWS CLI examples run as they are, against the whole local platform, and each of their
 * writes must reach exactly the consumers the platform's rules name, once, while the write that
 * would break residency is refused by the example's own check and never reaches the table. The
 * examples' copies of platform.yaml must agree with it, and the doc must show them verbatim.
 */
@MotoTest
@Tag("e2e")
class WriterContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPO = Path.of("..");
    private static final Path EXAMPLES =
            REPO.resolve("docs/writing").toAbsolutePath().normalize();
    private static final Path DOC = REPO.resolve("docs/writing-to-tables.md");
    private static final String REFUSAL =
            "refused to write to table 'orders': class 'eu-personal' may not be stored in us-east-1, where the table"
                    + " has a replica; nothing was written";
    private static LocalPlatform platform;
    private static Topology topology;

    @BeforeAll
    static void start(MotoServer moto) throws Exception {
        Path work = Files.createDirectories(Path.of("target", "writer-contract-test"));
        Path file = REPO.resolve("platform.yaml");
        topology = TopologyLoader.load(file);
        platform = LocalPlatform.start(
                LocalOptions.defaults(
                                topology,
                                Files.readString(file),
                                REPO.resolve(LocalOptions.DEFAULT_PROCESSOR_JAR),
                                work)
                        .withEndpoint(moto.endpoint()),
                line -> {});
        platform.warmUp();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void pythonExample_eachWriteReachesExactlyItsConsumers_andTheResidencyBreakingWriteIsRefusedByItsOwnCheck()
            throws Exception {
        List<String> command = new ArrayList<>(pythonWithBoto3());
        command.add(EXAMPLES.resolve("example.py").toString());

        List<String> output = writesDeliverExactly(command, "py");

        assertThat(output)
                .containsExactly(
                        "put orders pk=py-order-1,sk=v0 in eu-west-1",
                        "updated orders pk=py-order-1,sk=v0",
                        "deleted orders pk=py-order-1,sk=v0 (a tombstone)",
                        "put eu-customers customerId=py-customer-1 in eu-west-1",
                        REFUSAL);
        assertThat(item("orders", "py-order-2"))
                .as("the refused item was never written")
                .isEmpty();
    }

    @Test
    void awsCliExample_eachWriteReachesExactlyItsConsumers_andTheResidencyBreakingWriteIsRefusedByItsOwnCheck()
            throws Exception {
        assumeTrue(succeeds(List.of("aws", "--version")), "the AWS CLI is not installed here (aws --version failed)");

        List<String> output = writesDeliverExactly(
                List.of("bash", EXAMPLES.resolve("aws-cli-example.sh").toString()), "cli");

        assertThat(output)
                .containsExactly(
                        "put orders pk=cli-order-1,sk=v0 in eu-west-1",
                        "updated orders pk=cli-order-1,sk=v0",
                        "deleted orders pk=cli-order-1,sk=v0 (a tombstone)",
                        "put eu-customers customerId=cli-customer-1 in eu-west-1",
                        REFUSAL);
    }

    @Test
    void pythonExamplesCopyOfThePlatform_agreesWithPlatformYaml() throws Exception {
        List<String> command = new ArrayList<>(pythonWithBoto3());
        command.addAll(List.of(
                "-c",
                "import json, distributary_writer as w; print(json.dumps({'attribute': w.RESIDENCY_ATTRIBUTE, 'zones': w.ZONES,"
                        + " 'classes': w.CLASSES, 'tables': w.TABLES, 'stamp': [w.ORIGIN, w.WRITTEN_AT, w.DELETED, w.EXPIRES_AT],"
                        + " 'tombstoneTtl': w.TOMBSTONE_TTL_SECONDS}))"));

        JsonNode python = JSON.readTree(String.join("\n", run(command, EXAMPLES)));

        assertThat(python.get("attribute").asText())
                .isEqualTo(topology.residency().attribute());
        topology.residency()
                .zones()
                .forEach((name, zone) -> assertThat(strings(python.at("/zones/" + name)))
                        .as(name)
                        .isEqualTo(zone.regions()));
        assertThat(JSON.convertValue(python.get("classes"), Map.class))
                .isEqualTo(topology.residency().classes());
        for (TableSpec table : topology.tables()) {
            assertThat(python.at("/tables/" + table.name() + "/zone").asText()).isEqualTo(table.zone());
            assertThat(python.at("/tables/" + table.name() + "/default_class").asText())
                    .isEqualTo(topology.defaultClass(table));
            assertThat(strings(python.get("stamp")))
                    .containsExactly(
                            table.stamp().originAttribute(),
                            table.stamp().writeTimeAttribute(),
                            table.stamp().deletedAttribute(),
                            table.stamp().ttlAttribute());
            assertThat(python.get("tombstoneTtl").asInt())
                    .isEqualTo(table.stamp().tombstoneTtlSeconds());
        }
        assertThat(python.get("tables")).hasSize(topology.tables().size());
    }

    @Test
    void cliExamplesCopyOfThePlatform_agreesWithPlatformYaml() throws IOException {
        String script = Files.readString(EXAMPLES.resolve("aws-cli-example.sh"));
        Map<String, String> tableRegions = new LinkedHashMap<>();
        Map<String, String> defaultClass = new LinkedHashMap<>();
        for (TableSpec table : topology.tables()) {
            tableRegions.put(table.name(), String.join(" ", topology.replicaRegions(table)));
            defaultClass.put(table.name(), topology.defaultClass(table));
        }
        Map<String, String> classRegions = new LinkedHashMap<>();
        topology.residency()
                .classes()
                .keySet()
                .forEach(c -> classRegions.put(
                        c, String.join(" ", topology.residency().regionsOf(c))));

        assertThat(bashArray(script, "TABLE_REGIONS")).isEqualTo(tableRegions);
        assertThat(bashArray(script, "DEFAULT_CLASS")).isEqualTo(defaultClass);
        assertThat(bashArray(script, "CLASS_REGIONS")).isEqualTo(classRegions);
    }

    @Test
    void contractDoc_showsEachExampleVerbatim() throws IOException {
        String doc = Files.readString(DOC);

        for (String example : List.of("distributary_writer.py", "example.py", "aws-cli-example.sh")) {
            assertThat(doc)
                    .as(example)
                    .contains("```" + (example.endsWith(".py") ? "python" : "sh") + "\n"
                            + Files.readString(EXAMPLES.resolve(example)) + "```");
        }
    }

    /**
     * Runs the example, waits until the platform has delivered everything, and checks the deliveries
     * against the platform's rules for what the example writes (each example the same four writes,
     * with its own keys): every expected delivery exactly once, nothing else, nothing quarantined.
     */
    private static List<String> writesDeliverExactly(List<String> command, String prefix) throws Exception {
        List<Change> changes = List.of(
                order(prefix, Operation.INSERT, 1, "PLACED"),
                order(prefix, Operation.MODIFY, 2, "PAID"),
                order(prefix, Operation.TOMBSTONE, 2, "PAID"),
                new Change(
                        "eu-customers",
                        "eu-west-1",
                        "customerId=" + prefix + "-customer-1",
                        Operation.INSERT,
                        1,
                        "eu-personal",
                        Map.of(),
                        0));
        List<String> expected = Expectations.of(topology, changes).stream()
                .map(Expectations.Expected::key)
                .toList();
        List<String> output;
        Tally tally;
        try (DeliveryRecorder recorder = new DeliveryRecorder(topology, platform)) {
            output = run(command, EXAMPLES);
            new Drain(platform, recorder, Duration.ofSeconds(10)).await(expected, Duration.ofSeconds(60));
            tally = Tally.exactlyOnce(topology, changes, recorder.deliveries());
        }
        assertThat(expected)
                .as("billing and the order cache in every region, and crm-sync in the EU")
                .hasSize(12);
        assertThat(tally.clean()).as(tally.describe()).isTrue();
        assertThat(tally.leaked()).isZero();
        assertThat(Quarantines.drain(platform))
                .as("nothing a contract-abiding writer writes is quarantined")
                .isEmpty();
        return output;
    }

    private static Change order(String prefix, Operation op, long version, String status) {
        return new Change(
                "orders",
                "eu-west-1",
                "pk=" + prefix + "-order-1,sk=v0",
                op,
                version,
                "public",
                Map.of("entityType", "order", "status", status),
                0);
    }

    private static Map<String, AttributeValue> item(String table, String pk) {
        return platform.aws()
                .dynamoDb("eu-west-1")
                .getItem(b -> b.tableName(table)
                        .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("v0"))))
                .item();
    }

    /** The example's output lines; fails with the output when it exits with an error. */
    private static List<String> run(List<String> command, Path directory) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("AWS_ENDPOINT_URL", platform.endpoint().toString());
        builder.environment().put("AWS_ACCESS_KEY_ID", "testing");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
        builder.environment().put("AWS_PAGER", "");
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        builder.environment().remove("AWS_PROFILE");
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within 2 minutes");
        }
        List<String> output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(process.exitValue())
                .as(String.join(" ", command) + " said:\n" + String.join("\n", output))
                .isZero();
        return output;
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The Python that has boto3: moto_server's own interpreter (moto depends on boto3) when its
     * launcher names one, else {@code python3}.
     */
    private static List<String> pythonWithBoto3() throws IOException {
        List<List<String>> candidates = new ArrayList<>();
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path launcher = Path.of(directory, "moto_server");
            if (Files.isRegularFile(launcher)) {
                String first = Files.readAllLines(launcher, StandardCharsets.ISO_8859_1).stream()
                        .findFirst()
                        .orElse("");
                if (first.startsWith("#!") && first.contains("python")) {
                    candidates.add(Arrays.asList(first.substring(2).trim().split("\\s+")));
                }
                break;
            }
        }
        candidates.add(List.of("python3"));
        for (List<String> candidate : candidates) {
            List<String> probe = new ArrayList<>(candidate);
            probe.addAll(List.of("-c", "import boto3"));
            if (succeeds(probe)) {
                return candidate;
            }
        }
        return fail("no Python with boto3 found (tried " + candidates
                + "); moto server brings it: pip install \"moto[server]==5.2.1\"");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** A bash associative array as the script declares it: {@code declare -A NAME=([key]="a b" [other]=c)}. */
    private static Map<String, String> bashArray(String script, String name) {
        Matcher declaration =
                Pattern.compile("declare -A " + name + "=\\((.*)\\)").matcher(script);
        assertThat(declaration.find()).as("the script declares " + name).isTrue();
        Map<String, String> entries = new LinkedHashMap<>();
        Matcher entry = Pattern.compile("\\[([^\\]]+)\\]=(\"[^\"]*\"|\\S+)").matcher(declaration.group(1));
        while (entry.find()) {
            entries.put(entry.group(1), entry.group(2).replace("\"", ""));
        }
        return entries;
    }
}
