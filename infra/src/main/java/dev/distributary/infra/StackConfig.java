package dev.distributary.infra;

import com.pulumi.Context;
import java.nio.file.Path;

/**
 * The stack configuration {@code pulumi up} reads: {@value #REGION} (required), and in the
 * project's namespace {@value #PLATFORM_FILE} (default {@code platform.yaml}),
 * {@value #ENVIRONMENT} (default {@code dev}), {@value #PROCESSOR_JAR} (default
 * {@code regional-processor/target/distributary-processor.jar}), {@value #ALARM_TOPIC_ARN}
 * (optional) and {@value #PROCESSOR_HTTP_CLIENT} (optional: {@code url-connection} or {@code crt}). Relative paths are relative to the directory of {@code Pulumi.yaml}.
 */
public final class StackConfig {
    public static final String REGION = "aws:region";
    public static final String PLATFORM_FILE = "platformFile";
    public static final String ENVIRONMENT = "environment";
    public static final String PROCESSOR_JAR = "processorJar";
    public static final String ALARM_TOPIC_ARN = "alarmTopicArn";
    public static final String PROCESSOR_HTTP_CLIENT = "processorHttpClient";
    public static final String DEFAULT_PLATFORM_FILE = "platform.yaml";

    private StackConfig() {}

    public static StackSettings read(Context ctx) {
        String region = ctx.config("aws")
                .get("region")
                .orElseThrow(() -> new InfraConfigException(
                        "the stack has no region; set it with: pulumi config set aws:region REGION"));
        var config = ctx.config();
        return StackSettings.load(
                        region,
                        Path.of(config.get(PLATFORM_FILE).orElse(DEFAULT_PLATFORM_FILE)),
                        config.get(ENVIRONMENT).orElse(StackSettings.DEFAULT_ENVIRONMENT),
                        config.get(PROCESSOR_JAR).orElse(StackSettings.DEFAULT_PROCESSOR_JAR),
                        config.get(ALARM_TOPIC_ARN))
                .withHttpClient(config.get(PROCESSOR_HTTP_CLIENT));
    }
}
