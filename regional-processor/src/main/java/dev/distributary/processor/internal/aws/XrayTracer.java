package dev.distributary.processor.internal.aws;

import dev.distributary.processor.internal.pipeline.Tracer;
import java.util.function.Supplier;
import software.amazon.lambda.powertools.tracing.TracingUtils;

/** Powertools tracing: each stage is an X-Ray subsegment of the handler's segment. */
public final class XrayTracer implements Tracer {

    @Override
    public <T> T stage(String name, Supplier<T> work) {
        Object[] result = new Object[1];
        TracingUtils.withSubsegment(name, subsegment -> {
            result[0] = work.get();
        });
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    @Override
    public void annotate(String key, String value) {
        TracingUtils.putAnnotation(key, value);
    }
}
