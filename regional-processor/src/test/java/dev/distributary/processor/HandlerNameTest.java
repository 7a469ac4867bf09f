package dev.distributary.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import dev.distributary.topology.ProcessorEnvironment;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

/**
 * infra deploys, and the local run starts, the handler topology names: it must be this class's
 * method, a stream handler's (the event is read as JSON, never by the runtime's serializer).
 */
class HandlerNameTest {

    @Test
    void handlerName_deployedByInfraAndStartedByTheLocalRun_isThisHandlersMethod() throws Exception {
        String[] parts = ProcessorEnvironment.HANDLER.split("::");

        assertThat(parts).containsExactly(RegionalProcessorHandler.class.getName(), "handleRequest");
        assertThat(RegionalProcessorHandler.class.getMethod(
                        parts[1], InputStream.class, OutputStream.class, Context.class))
                .isNotNull();
    }
}
