package dev.distributary.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code local up} as a user runs it: in its own JVM, stopped with Ctrl-C (SIGINT), with its own
 * temporary directory, so that what it prints, how it stops and what it leaves behind are all seen.
 */
class LocalUpCommandTest {
    private static final String JAR = "../regional-processor/target/distributary-processor.jar";
    private static final Pattern URL = Pattern.compile("http://[0-9.]+:\\d+");

    @Tag("e2e")
    @Test
    void localUp_printsOneEndpoint_queueUrlsThroughIt_andCredentials_andOnCtrlC_saysItStopped_andRemovesItsDirectory(
            @TempDir Path tmp) throws Exception {
        Child child = Child.start(
                tmp, System.getenv("PATH"), "local", "up", "-f", "../platform.yaml", "--processor-jar", JAR);
        await().atMost(Duration.ofMinutes(3))
                .until(() -> child.out().contains("Press Ctrl-C to stop.") || !child.process.isAlive());
        String banner = child.out();

        new ProcessBuilder("kill", "-INT", Long.toString(child.process.pid()))
                .inheritIO()
                .start()
                .waitFor();

        assertThat(child.process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        Set<String> urls = URL.matcher(banner).results().map(m -> m.group()).collect(Collectors.toSet());
        assertThat(urls).as(banner).hasSize(1);
        String endpoint = urls.iterator().next();
        assertThat(banner)
                .contains("  endpoint         " + endpoint + " ")
                .contains("  queue       billing      " + endpoint + "/123456789012/shop-dev-billing (DLQ " + endpoint
                        + "/123456789012/shop-dev-billing-dlq)")
                .contains("  quarantine  " + endpoint + "/123456789012/shop-dev-quarantine")
                .contains("export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_ENDPOINT_URL=" + endpoint)
                .contains("  writer contract  docs/writing-to-tables.md");
        Path work = workDirectory(banner);
        assertThat(child.process.exitValue()).isEqualTo(130);
        assertThat(child.out())
                .endsWith("Distributary stopped: moto server, replication and 3 processors; removed " + work
                        + " (interrupted).\n");
        assertThat(work).doesNotExist();
        assertThat(listing(tmp)).isEmpty();
    }

    @Test
    void failedStart_exitsTwoWithOneLine_andLeavesNothingInTheTemporaryDirectory(@TempDir Path tmp) throws Exception {
        Path emptyPath = Files.createDirectories(tmp.resolve("empty-path"));
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        Child child = Child.start(
                javaTmp,
                emptyPath.toString(),
                Map.of("XDG_CACHE_HOME", cache.toString()),
                "local",
                "up",
                "-f",
                "../platform.yaml",
                "--processor-jar",
                JAR);

        assertThat(child.process.waitFor(1, TimeUnit.MINUTES)).isTrue();

        assertThat(child.process.exitValue()).isEqualTo(2);
        assertThat(child.err().lines().toList())
                .containsExactly("distributary: moto_server is not on the PATH; install it with: "
                        + "scripts/moto.sh in the repository (it installs moto[server]==5.2.1 into ${XDG_CACHE_HOME:-~/.cache}/distributary/moto-venv, "
                        + "where the tests and ./distributary find it), or put moto_server 5.2.1 on the PATH");
        assertThat(listing(javaTmp)).isEmpty();
    }

    private static Path workDirectory(String banner) {
        Matcher logs = Pattern.compile("(?m)^logs: (\\S+)/logs ").matcher(banner);
        assertThat(logs.find()).as(banner).isTrue();
        return Path.of(logs.group(1));
    }

    private static List<Path> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    /** The CLI in a JVM of its own, its temporary directory {@code tmp}, its output collected as it comes. */
    private record Child(Process process, StringBuffer stdout, StringBuffer stderr) {
        static Child start(Path tmp, String path, String... args) throws IOException {
            return start(tmp, path, Map.of(), args);
        }

        static Child start(Path tmp, String path, Map<String, String> environment, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.io.tmpdir=" + tmp,
                    "-cp",
                    System.getProperty("java.class.path"),
                    Distributary.class.getName()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("PATH", path);
            builder.environment().putAll(environment);
            Process process = builder.start();
            Child child = new Child(process, new StringBuffer(), new StringBuffer());
            collect(process.getInputStream(), child.stdout);
            collect(process.getErrorStream(), child.stderr);
            return child;
        }

        String out() {
            return stdout.toString();
        }

        String err() {
            return stderr.toString();
        }

        private static void collect(InputStream in, StringBuffer into) {
            Thread reader = new Thread(
                    () -> {
                        byte[] buffer = new byte[8192];
                        try (in) {
                            for (int n; (n = in.read(buffer)) >= 0; ) {
                                into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                            }
                        } catch (IOException closed) {
                            // the child ended
                        }
                    },
                    "child-output");
            reader.setDaemon(true);
            reader.start();
        }
    }
}
