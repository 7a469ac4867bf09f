package dev.distributary.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import dev.distributary.topology.ProcessorEnvironment;
import org.junit.jupiter.api.Test;

/** infra deploys, and the local run starts, the handler topology names: it must be this class's method. */
class HandlerNameTest {

    @Test
    void handlerName_deployedByInfraAndStartedByTheLocalRun_isThisHandlersMethod() throws Exception {
        String[] parts = ProcessorEnvironment.HANDLER.split("::");

        assertThat(parts).containsExactly(RegionalProcessorHandler.class.getName(), "handleRequest");
        assertThat(RegionalProcessorHandler.class.getMethod(parts[1], DynamodbTimeWindowEvent.class, Context.class))
                .isNotNull();
    }
}
