package dev.distributary.processor.internal.pipeline;

import java.util.function.Supplier;

/** Tracing as the pipeline needs it: a subsegment per stage and annotations. */
public interface Tracer {

    <T> T stage(String name, Supplier<T> work);

    default void stage(String name, Runnable work) {
        stage(name, () -> {
            work.run();
            return null;
        });
    }

    void annotate(String key, String value);

    Tracer NONE = new Tracer() {
        @Override
        public <T> T stage(String name, Supplier<T> work) {
            return work.get();
        }

        @Override
        public void annotate(String key, String value) {}
    };
}
