package dev.distributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {

    @Test
    void bashScript_completesCommandsSubcommandsAndFormatValues_forTheLauncherToo(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("completion", "bash");
        Path script = Files.writeString(dir.resolve("distributary.bash"), run.out());

        assertThat(run.exitCode()).isZero();
        assertThat(complete(script, "./distributary", "val")).isEqualTo("validate");
        assertThat(complete(script, "distributary", "quar")).isEqualTo("quarantine");
        assertThat(complete(script, "./distributary", "local", "")).isEqualTo("up");
        assertThat(complete(script, "./distributary", "plan", "--format", "")).isEqualTo("text json");
    }

    @Test
    void zsh_getsTheSameScript_whichLoadsBashCompletionInZsh() {
        CliRun zsh = CliRun.of("completion", "zsh");

        assertThat(zsh.exitCode()).isZero();
        assertThat(zsh.out())
                .isEqualTo(CliRun.of("completion", "bash").out())
                .contains("autoload -U +X bashcompinit && bashcompinit");
    }

    @Test
    void unknownShell_exitsTwo_withTheChoices() {
        CliRun run = CliRun.of("completion", "fish");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).contains("'fish'").contains("bash, zsh");
    }

    /** What bash offers after the words, the last one being completed. */
    private static String complete(Path script, String... words) throws IOException, InterruptedException {
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word).append("'");
        }
        String command = "source '" + script + "' 2>/dev/null; COMP_WORDS=(" + array + "); COMP_CWORD="
                + (words.length - 1) + "; " + "$(complete -p " + words[0]
                + " | sed -E 's/.*-F ([^ ]+).*/\\1/') 2>/dev/null; echo \"${COMPREPLY[*]}\"";
        Process bash = new ProcessBuilder("bash", "-c", command)
                .redirectErrorStream(true)
                .start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }
}
