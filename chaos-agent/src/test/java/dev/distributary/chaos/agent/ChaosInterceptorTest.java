package dev.distributary.chaos.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

class ChaosInterceptorTest {
    private final List<String> faults = new ArrayList<>();
    private final AtomicReference<String> invocation = new AtomicReference<>("trace-1");
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private ChaosInterceptor interceptor(ChaosSettings settings) {
        return new ChaosInterceptor(
                Optional.ofNullable(settings),
                invocation::get,
                new ChaosInterceptor.Fault() {
                    @Override
                    public void halt() {
                        faults.add("halt");
                    }

                    @Override
                    public void sleep(long millis) {
                        faults.add("sleep " + millis);
                    }
                },
                new PrintStream(log, true, StandardCharsets.UTF_8),
                7,
                "eu-west-1-shop-processor");
    }

    private static void call(ChaosInterceptor interceptor, String operation) {
        interceptor.beforeExecution(
                () -> null, new ExecutionAttributes().putAttribute(SdkExecutionAttribute.OPERATION_NAME, operation));
    }

    @Test
    void haltAtTheSecondPublishBatch_faultsBeforeThatCallInEachInvocation_andAnnouncesIt() {
        ChaosInterceptor chaos =
                interceptor(new ChaosSettings(ChaosSettings.Action.HALT, "PublishBatch", 2, 1.0, 0, 1));

        call(chaos, "PublishBatch");
        call(chaos, "BatchWriteItem");
        assertThat(faults).isEmpty();
        call(chaos, "PublishBatch");
        assertThat(faults).containsExactly("halt");
        call(chaos, "PublishBatch");
        assertThat(faults).containsExactly("halt");

        invocation.set("trace-2");
        call(chaos, "PublishBatch");
        call(chaos, "PublishBatch");
        assertThat(faults).containsExactly("halt", "halt");
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("{\"chaos\":\"halt\",\"operation\":\"PublishBatch\",\"call\":2}");
    }

    @Test
    void sleepAction_stallsForTheConfiguredTime() {
        ChaosInterceptor chaos =
                interceptor(new ChaosSettings(ChaosSettings.Action.SLEEP, "PublishBatch", 1, 1.0, 9_000, 1));

        call(chaos, "PublishBatch");

        assertThat(faults).containsExactly("sleep 9000");
    }

    @Test
    void probabilityZero_orAnotherOperation_orNoSettings_neverFaults() {
        ChaosInterceptor never =
                interceptor(new ChaosSettings(ChaosSettings.Action.HALT, "PublishBatch", 1, 0.0, 0, 1));
        ChaosInterceptor other =
                interceptor(new ChaosSettings(ChaosSettings.Action.HALT, "SendMessageBatch", 1, 1.0, 0, 1));
        ChaosInterceptor off = interceptor(null);

        for (int i = 0; i < 20; i++) {
            invocation.set("trace-" + i);
            call(never, "PublishBatch");
            call(other, "PublishBatch");
            call(off, "PublishBatch");
        }

        assertThat(faults).isEmpty();
    }

    @Test
    void probabilityOneHalf_faultsInSomeInvocationsAndNotOthers() {
        ChaosInterceptor chaos =
                interceptor(new ChaosSettings(ChaosSettings.Action.HALT, "PublishBatch", 1, 0.5, 0, 3));

        for (int i = 0; i < 200; i++) {
            invocation.set("trace-" + i);
            call(chaos, "PublishBatch");
        }

        assertThat(faults).hasSizeBetween(60, 140);
    }

    @Test
    void faultLimit_isSharedByEveryInstanceOfTheFunction(@TempDir Path budget) {
        ChaosSettings limited =
                new ChaosSettings(ChaosSettings.Action.HALT, "PublishBatch", 1, 1.0, 0, 1, 2, Optional.of(budget));
        ChaosInterceptor first = interceptor(limited);
        ChaosInterceptor restarted = interceptor(limited);

        invocation.set("trace-1");
        call(first, "PublishBatch");
        invocation.set("trace-2");
        call(restarted, "PublishBatch");
        invocation.set("trace-3");
        call(restarted, "PublishBatch");
        call(interceptor(limited), "PublishBatch");

        assertThat(faults).containsExactly("halt", "halt");
    }

    @Test
    void environment_roundTrips_andIsEmptyWithoutAnAction(@TempDir Path budget) {
        ChaosSettings limited =
                new ChaosSettings(ChaosSettings.Action.HALT, "PublishBatch", 2, 1.0, 0, 3, 4, Optional.of(budget));
        assertThat(ChaosSettings.fromEnvironment(limited.toEnvironment())).contains(limited);
        ChaosSettings settings = new ChaosSettings(ChaosSettings.Action.SLEEP, "PublishBatch", 3, 0.25, 12_000, 9);

        assertThat(ChaosSettings.fromEnvironment(settings.toEnvironment())).contains(settings);
        assertThat(ChaosSettings.fromEnvironment(Map.of())).isEmpty();
    }

    @Test
    void badEnvironment_isRefusedWithTheVariableAndWhatItMustBe() {
        assertThatThrownBy(() -> ChaosSettings.fromEnvironment(Map.of(ChaosSettings.ACTION_VARIABLE, "explode")))
                .hasMessage("DISTRIBUTARY_CHAOS_ACTION must be halt or sleep, not 'explode'");
        assertThatThrownBy(() -> ChaosSettings.fromEnvironment(
                        Map.of(ChaosSettings.ACTION_VARIABLE, "halt", ChaosSettings.PROBABILITY_VARIABLE, "2")))
                .hasMessage("DISTRIBUTARY_CHAOS_PROBABILITY must be between 0 and 1, not 2.0");
        assertThatThrownBy(() -> ChaosSettings.fromEnvironment(
                        Map.of(ChaosSettings.ACTION_VARIABLE, "halt", ChaosSettings.AT_CALL_VARIABLE, "second")))
                .hasMessage("DISTRIBUTARY_CHAOS_AT_CALL must be a whole number, not 'second'");
        assertThatThrownBy(() -> ChaosSettings.fromEnvironment(
                        Map.of(ChaosSettings.ACTION_VARIABLE, "halt", ChaosSettings.MAX_FAULTS_VARIABLE, "3")))
                .hasMessage(
                        "DISTRIBUTARY_CHAOS_MAX_FAULTS needs DISTRIBUTARY_CHAOS_BUDGET_DIR, a directory where the function's instances count their faults");
    }
}
