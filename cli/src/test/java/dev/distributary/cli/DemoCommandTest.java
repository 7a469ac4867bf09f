package dev.distributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The local commands' argument checks, which answer before anything starts. (The demo itself is tested in local-cloud.) */
class DemoCommandTest {

    @Test
    void tooFewEvents_exitsTwo_sayingTheMinimum() {
        CliRun run = CliRun.of("demo", "-f", "../platform.yaml", "--events", "5");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("distributary: the demo needs at least 10 events, not 5");
    }

    @Test
    void replicationDelayThatIsNotARange_exitsTwo_withAnExample() {
        CliRun run = CliRun.of("demo", "-f", "../platform.yaml", "--replication-delay", "fast");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(
                        "--replication-delay 'fast' is not MIN-MAX in milliseconds with MIN <= MAX, such as 500-1000");
    }

    @Test
    void missingProcessorJar_exitsTwo_sayingHowToBuildIt() {
        CliRun run = CliRun.of("demo", "-f", "../platform.yaml", "--processor-jar", "no-such.jar");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("the processor's deployment jar no-such.jar is missing");
    }

    @Test
    void localWithoutSubcommand_exitsTwo_namingTheSubcommand() {
        CliRun run = CliRun.of("local");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines())
                .containsExactly("distributary local: a subcommand is required: up (see 'distributary local --help')");
    }
}
