package dev.distributary.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.StringLayout;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped log4j2.xml's JSON layouts write only Latin-1 of their own. Log4j's default suffix
 * for a truncated string is "…" (U+2026), which the layout quotes when it starts: that one call
 * on a string outside Latin-1 lets the JIT no longer assume Latin-1 in {@code String.charAt}, and
 * every string loop of the function compiled after it (decoding checks each name and value) keeps
 * a path for two-byte strings. The layouts set an ASCII suffix instead.
 */
class ShippedLogLayoutsTest {
    private static final String LONG = "x".repeat(40_000);

    @ParameterizedTest
    @ValueSource(strings = {"JsonAppender", "RecordAppender"})
    void longText_shippedLayout_truncatedWithAnAsciiSuffix(String appender) {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        StringLayout layout =
                (StringLayout) context.getConfiguration().getAppender(appender).getLayout();
        SortedArrayStringMap mdc = new SortedArrayStringMap(Map.of("reason", LONG, "outcome", "quarantined"));
        LogEvent event = Log4jLogEvent.newBuilder()
                .setLoggerName("dev.distributary.processor.records")
                .setLevel(Level.INFO)
                .setMessage(new SimpleMessage(LONG))
                .setContextData(mdc)
                .build();

        String line = layout.toSerializable(event);

        assertThat(line).hasSizeLessThan(LONG.length()).contains("x...\"");
        assertThat(line.chars()).allMatch(c -> c <= 0xFF);
    }
}
