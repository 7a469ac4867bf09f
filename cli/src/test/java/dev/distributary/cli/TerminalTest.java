package dev.distributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalTest {

    @Test
    void console_isInteractive_withColour() {
        Terminal terminal = Terminal.of(true, Map.of("TERM", "xterm-256color"));

        assertThat(terminal.interactive()).isTrue();
        assertThat(terminal.colour()).isTrue();
    }

    @Test
    void noColor_keepsTheTerminalInteractive_withoutColour_unlessEmpty() {
        assertThat(Terminal.of(true, Map.of("NO_COLOR", "1")).colour()).isFalse();
        assertThat(Terminal.of(true, Map.of("NO_COLOR", "1")).interactive()).isTrue();
        assertThat(Terminal.of(true, Map.of("NO_COLOR", "")).colour()).isTrue();
    }

    @Test
    void pipeOrDumbTerminal_isNeitherInteractiveNorColoured() {
        assertThat(Terminal.of(false, Map.of()))
                .extracting(Terminal::interactive, Terminal::colour)
                .containsExactly(false, false);
        assertThat(Terminal.of(true, Map.of("TERM", "dumb")))
                .extracting(Terminal::interactive, Terminal::colour)
                .containsExactly(false, false);
    }

    @Test
    void help_isColouredOnlyWhenColourIsAllowed() {
        CliRun coloured = CliRun.onTerminal(true, "", "validate", "--help");
        CliRun noColor = CliRun.onTerminal(false, "", "validate", "--help");
        CliRun piped = CliRun.of("validate", "--help");

        assertThat(coloured.out()).contains("\u001b[");
        assertThat(noColor.out()).doesNotContain("\u001b");
        assertThat(piped.out()).doesNotContain("\u001b");
    }
}
