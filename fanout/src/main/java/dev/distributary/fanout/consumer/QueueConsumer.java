package dev.distributary.fanout.consumer;

import dev.distributary.fanout.ChangeEvent;
import dev.distributary.fanout.InvalidEnvelopeException;
import dev.distributary.fanout.consumer.internal.Acker;
import dev.distributary.fanout.consumer.internal.Counters;
import dev.distributary.fanout.consumer.internal.Flights;
import dev.distributary.fanout.consumer.internal.InFlight;
import dev.distributary.fanout.consumer.internal.SqsBatch;
import dev.distributary.fanout.consumer.internal.VisibilityKeeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Reads a consumer's SQS queue and hands each event to a handler on a bounded pool of workers.
 *
 * <pre>{@code
 * try (QueueConsumer consumer = QueueConsumer.builder(sqs, queueUrl)
 *         .handler(event -> billing.charge(event))
 *         .workers(8)
 *         .build()
 *         .start()) {
 *     ...                                      // close() drains or releases what is in flight
 * }
 * }</pre>
 *
 * <ul>
 * <li>Long polling, up to ten messages per receive; at most {@code workers + batchSize} messages
 *     being worked on at once.</li>
 * <li>Each body is decoded into a {@link ChangeEvent} (schema version checked). A message that is
 *     not a valid envelope is logged and never deleted, so it reaches the dead-letter queue.</li>
 * <li>Success: the message is deleted, in batches. Failure (the handler throws): it is left for
 *     redelivery, after {@code retryDelay} if set, and SQS moves it to the dead-letter queue after
 *     the queue's max receive count.</li>
 * <li>Held messages stay hidden however slow their handler: their visibility is extended.</li>
 * <li>FIFO queues: the messages of one group in a batch are handled in order by one worker; after a
 *     failure the rest of that group is released, so order is kept.</li>
 * <li>{@link #close()}: stops receiving, releases (visibility 0) what no worker has started, lets
 *     running handlers finish within {@code shutdownTimeout} (then interrupts and releases them),
 *     and deletes what was handled. Nothing in flight is lost.</li>
 * </ul>
 */
public final class QueueConsumer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueueConsumer.class);
    private static final Duration RESERVE_WAIT = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final Duration SHORT_POLL_IDLE = Duration.ofMillis(100);

    private enum State {
        NEW,
        RUNNING,
        STOPPED
    }

    private final SqsClient sqs;
    private final ConsumerConfig config;
    private final EventHandler handler;
    private final ConsumerListener listener;
    private final Counters counters = new Counters();
    private final Flights flights;
    private final Acker acker;
    private final VisibilityKeeper keeper;
    private final BlockingQueue<List<InFlight>> work = new LinkedBlockingQueue<>();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    private final String name;
    private volatile boolean stopping;
    private volatile boolean interrupting;
    private Thread poller;
    private Thread ackerThread;
    private final List<Thread> workers = new ArrayList<>();

    private QueueConsumer(SqsClient sqs, ConsumerConfig config, EventHandler handler, ConsumerListener listener) {
        this.sqs = sqs;
        this.config = config;
        this.handler = handler;
        this.listener = listener;
        this.name = config.queueUrl().substring(config.queueUrl().lastIndexOf('/') + 1);
        SqsBatch batch = new SqsBatch(sqs, config.queueUrl());
        this.flights = new Flights(config.workers() + config.batchSize(), batch, counters, listener::released);
        this.acker = new Acker(flights);
        this.keeper = new VisibilityKeeper(
                flights, batch, config.visibilityTimeout(), listener::extended, "consumer-" + name + "-visibility");
    }

    public static Builder builder(SqsClient sqs, String queueUrl) {
        return new Builder(sqs, queueUrl);
    }

    /** Starts receiving; returns this. */
    public QueueConsumer start() {
        if (!state.compareAndSet(State.NEW, State.RUNNING)) {
            throw new IllegalStateException("consumer of " + name + " was already started");
        }
        keeper.start();
        ackerThread = thread("acker", acker);
        for (int i = 0; i < config.workers(); i++) {
            workers.add(thread("worker-" + i, this::work));
        }
        poller = thread("poller", this::poll);
        LOG.info("consuming {} with {} workers", name, config.workers());
        return this;
    }

    public ConsumerConfig config() {
        return config;
    }

    public ConsumerStats stats() {
        return new ConsumerStats(
                counters.received.get(),
                counters.handled.get(),
                counters.deleted.get(),
                counters.failed.get(),
                counters.rejected.get(),
                counters.released.get(),
                flights.size());
    }

    /**
     * Stops gracefully: no more receives; messages no worker has started are released at once;
     * running handlers get {@code shutdownTimeout} to finish, then are interrupted and their
     * messages released; handled messages are deleted. Returns when all of that is done.
     */
    @Override
    public void close() {
        if (state.compareAndSet(State.NEW, State.STOPPED) || !state.compareAndSet(State.RUNNING, State.STOPPED)) {
            return;
        }
        stopping = true;
        stopSignal.countDown();
        join(poller, config.waitTime().plusSeconds(10));
        List<List<InFlight>> queued = new ArrayList<>();
        work.drainTo(queued);
        flights.release(queued.stream().flatMap(List::stream).toList());

        long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
        for (Thread worker : workers) {
            join(worker, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
        if (workers.stream().anyMatch(Thread::isAlive)) {
            interrupting = true;
            LOG.warn(
                    "handlers of {} still running after {}; interrupting them and releasing their messages",
                    name,
                    config.shutdownTimeout());
            workers.forEach(Thread::interrupt);
            workers.forEach(worker -> join(worker, Duration.ofSeconds(5)));
        }
        acker.finish();
        join(ackerThread, Duration.ofSeconds(30));
        keeper.close();
        List<InFlight> left = flights.all();
        if (!left.isEmpty()) {
            LOG.warn("releasing {} messages of {} still held at shutdown", left.size(), name);
            flights.release(left);
        }
        LOG.info("stopped consuming {}: {}", name, stats());
    }

    private void poll() {
        Duration backoff = Duration.ofMillis(100);
        while (!stopping) {
            try {
                if (!flights.reserve(config.batchSize(), RESERVE_WAIT)) {
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            List<Message> messages;
            try {
                messages = sqs.receiveMessage(b -> b.queueUrl(config.queueUrl())
                                .maxNumberOfMessages(config.batchSize())
                                .waitTimeSeconds((int) config.waitTime().toSeconds())
                                .visibilityTimeout(
                                        (int) config.visibilityTimeout().toSeconds())
                                .messageSystemAttributeNames(
                                        MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
                                        MessageSystemAttributeName.MESSAGE_GROUP_ID)
                                .messageAttributeNames("All"))
                        .messages();
                backoff = Duration.ofMillis(100);
            } catch (SdkException e) {
                flights.unreserve(config.batchSize());
                if (stopping) {
                    return;
                }
                LOG.warn("receive from {} failed; retrying in {} ms: {}", name, backoff.toMillis(), e.getMessage());
                await(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                continue;
            }
            flights.unreserve(config.batchSize() - messages.size());
            if (messages.isEmpty() && config.waitTime().isZero()) {
                await(SHORT_POLL_IDLE); // short polling: an idle consumer must not spin
            }
            long visibleUntil = System.nanoTime() + config.visibilityTimeout().toNanos();
            List<InFlight> received =
                    messages.stream().map(m -> new InFlight(m, visibleUntil)).toList();
            flights.add(received);
            counters.received.addAndGet(received.size());
            if (stopping) {
                flights.release(received);
                return;
            }
            units(received).forEach(work::add);
        }
    }

    /** Standard queues: one message per unit. FIFO: one unit per message group, in receive order. */
    private List<List<InFlight>> units(List<InFlight> received) {
        if (!config.fifo()) {
            return received.stream().map(List::of).toList();
        }
        Map<String, List<InFlight>> groups = new LinkedHashMap<>();
        received.forEach(
                m -> groups.computeIfAbsent(m.group(), g -> new ArrayList<>()).add(m));
        return new ArrayList<>(groups.values());
    }

    private void work() {
        while (!stopping) {
            List<InFlight> unit;
            try {
                unit = work.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (unit != null) {
                process(unit);
            }
        }
    }

    private void process(List<InFlight> unit) {
        for (int i = 0; i < unit.size(); i++) {
            InFlight message = unit.get(i);
            if (interrupting) {
                flights.release(unit.subList(i, unit.size()));
                return;
            }
            if (!handle(message)) {
                flights.release(unit.subList(i + 1, unit.size())); // FIFO: nothing of the group may overtake it
                return;
            }
        }
    }

    /** Handles one message; false when it was not handled successfully. */
    private boolean handle(InFlight message) {
        ChangeEvent event;
        try {
            event = ChangeEvent.parse(message.body());
        } catch (InvalidEnvelopeException e) {
            counters.rejected.incrementAndGet();
            LOG.warn(
                    "message {} in {} is not a valid event envelope; leaving it for the dead-letter queue: {}",
                    message.messageId(),
                    name,
                    e.getMessage());
            listener.rejected(message.messageId(), e);
            flights.leave(message, config.retryDelay());
            return false;
        }
        try {
            handler.handle(event);
        } catch (Exception e) {
            if (interrupting) {
                boolean interrupted = Thread.interrupted(); // an interrupted thread cannot call SQS
                flights.release(List.of(message));
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            counters.failed.incrementAndGet();
            LOG.warn(
                    "handler failed for event {} (message {}) in {}; it will be delivered again: {}",
                    event.id(),
                    message.messageId(),
                    name,
                    e.toString());
            listener.failed(event, e);
            flights.leave(message, config.retryDelay());
            return false;
        }
        counters.handled.incrementAndGet();
        listener.handled(event);
        acker.handled(message);
        flights.free(message);
        return true;
    }

    private void await(Duration duration) {
        try {
            stopSignal.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Thread thread(String role, Runnable body) {
        Thread thread = new Thread(body, "consumer-" + name + "-" + role);
        thread.start();
        return thread;
    }

    private static void join(Thread thread, Duration timeout) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builds a {@link QueueConsumer}; only the handler is required. */
    public static final class Builder {
        private final SqsClient sqs;
        private final String queueUrl;
        private EventHandler handler;
        private ConsumerListener listener = new ConsumerListener() {};
        private int workers = ConsumerConfig.DEFAULT_WORKERS;
        private int batchSize = ConsumerConfig.DEFAULT_BATCH_SIZE;
        private Duration waitTime = ConsumerConfig.DEFAULT_WAIT_TIME;
        private Duration visibilityTimeout = ConsumerConfig.DEFAULT_VISIBILITY_TIMEOUT;
        private Duration retryDelay;
        private Duration shutdownTimeout = ConsumerConfig.DEFAULT_SHUTDOWN_TIMEOUT;

        private Builder(SqsClient sqs, String queueUrl) {
            this.sqs = Objects.requireNonNull(sqs, "sqs");
            this.queueUrl = queueUrl;
        }

        public Builder handler(EventHandler handler) {
            this.handler = handler;
            return this;
        }

        public Builder listener(ConsumerListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder waitTime(Duration waitTime) {
            this.waitTime = waitTime;
            return this;
        }

        public Builder visibilityTimeout(Duration visibilityTimeout) {
            this.visibilityTimeout = visibilityTimeout;
            return this;
        }

        /** Hide a failed message this long before it is delivered again (default: the rest of its visibility timeout). */
        public Builder retryDelay(Duration retryDelay) {
            this.retryDelay = retryDelay;
            return this;
        }

        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
            return this;
        }

        public QueueConsumer build() {
            if (handler == null) {
                throw new IllegalStateException("a QueueConsumer needs a handler: builder.handler(event -> ...)");
            }
            ConsumerConfig config = new ConsumerConfig(
                    queueUrl,
                    workers,
                    batchSize,
                    waitTime,
                    visibilityTimeout,
                    Optional.ofNullable(retryDelay),
                    shutdownTimeout);
            return new QueueConsumer(sqs, config, handler, listener);
        }
    }
}
