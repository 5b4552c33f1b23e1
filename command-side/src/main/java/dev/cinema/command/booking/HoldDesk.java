package dev.cinema.command.booking;

import dev.cinema.command.catalogue.screening.Screenings;
import dev.cinema.command.config.CommandBusInterceptors;
import dev.cinema.command.config.CommandRefusals;
import dev.cinema.contracts.booking.PlaceBookingCommand;
import dev.cinema.platform.refusal.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.messaging.GenericMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Where holds wait for their screening (DESIGN.md section 11). A screening is one aggregate, and
 * Axon holds its lock until the transaction commits, so one transaction per hold caps a hot
 * screening at the rate of commits however many customers wait. Here each screening has one
 * writer at a time, which takes every hold waiting for it (up to {@code max-batch}) and sends them
 * as one {@link PlaceBookingsCommand}: one load, one transaction, one commit for all of them, each
 * still decided on its own, all or nothing, and answered on its own. The batch grows by itself
 * with the load (natural batching): a lone hold is written at once, in a batch of one.
 *
 * <p>The queue of each screening is bounded: a hold that finds it full is answered 429 with
 * {@code Retry-After} at once ({@code hold-queue-full}). A batch that fails as a whole (not a
 * refusal: those are answers) is sent again one hold at a time, so that each customer gets the
 * answer their own request deserves. Holds on different screenings are written in parallel by up
 * to {@code writers} threads.
 */
@Component
public class HoldDesk implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HoldDesk.class);

    private static final String PLACE_BOOKING = PlaceBookingCommand.class.getSimpleName();

    private final CommandGateway commands;
    private final CommandRefusals refusals;
    private final HoldDeskProperties properties;
    private final ExecutorService writers;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    HoldDesk(CommandGateway commands, HoldDeskProperties properties, CommandRefusals refusals) {
        this.commands = commands;
        this.refusals = refusals;
        this.properties = properties;
        AtomicInteger threads = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(properties.writers(), runnable -> {
            Thread thread = new Thread(runnable, "hold-desk-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Holds the seats exactly as {@link PlaceBookingCommand} sent alone would (the same answer, the
     * same refusals, the same events with the same metadata), once the transaction that holds them
     * has committed.
     */
    public Screenings.Hold hold(PlaceBookingCommand command) {
        Waiting waiting = new Waiting(new PlaceBookingsCommand.Request(
                IdentifierFactory.getInstance().generateIdentifier(),
                command,
                CommandBusInterceptors.currentMetaData()));
        if (!properties.enabled()) {
            return sendAlone(waiting.request);
        }
        Lane lane = lanes.computeIfAbsent(command.screeningId().value(), Lane::new);
        if (!lane.queue.offer(waiting)) {
            throw busy();
        }
        lane.wake();
        return waiting.answer(lane);
    }

    /** Holds waiting for a writer now, over all screenings. */
    int waiting() {
        return lanes.values().stream().mapToInt(lane -> lane.queue.size()).sum();
    }

    /** Screenings the desk keeps a queue for now: those with holds waiting or being written. */
    int screenings() {
        return lanes.size();
    }

    @Override
    public void destroy() {
        writers.shutdownNow();
    }

    private Refusal busy() {
        refusals.count(PLACE_BOOKING, "hold-queue-full");
        return new Refusal(
                "hold-queue-full",
                null,
                "Too many holds are waiting for this screening; please try again in a moment.");
    }

    private Screenings.Hold sendAlone(PlaceBookingsCommand.Request request) {
        return commands.sendAndWait(new GenericCommandMessage<>(
                new GenericMessage<>(request.messageId(), request.command(), request.metaData()),
                PlaceBookingCommand.class.getName()));
    }

    /** One screening's waiting holds, and whether a writer is on them. */
    private final class Lane {

        private final String screeningId;
        private final BlockingQueue<Waiting> queue;
        private final AtomicBoolean writing = new AtomicBoolean();

        Lane(String screeningId) {
            this.screeningId = screeningId;
            this.queue = new LinkedBlockingQueue<>(properties.queueCapacity());
        }

        /** Puts a writer on this screening unless one is on it already. */
        void wake() {
            if (writing.compareAndSet(false, true)) {
                writers.execute(this::writeOneBatch);
            }
        }

        /**
         * Writes what waits now, then lets go of the thread (another screening may be waiting for
         * one) and comes back if more arrived meanwhile.
         */
        private void writeOneBatch() {
            List<Waiting> batch = new ArrayList<>();
            try {
                queue.drainTo(batch, properties.maxBatch());
                if (!batch.isEmpty()) {
                    write(batch);
                }
            } catch (RuntimeException | Error e) {
                log.error("Hold desk failed writing {} holds", batch.size(), e);
                batch.forEach(waiting -> waiting.answer.completeExceptionally(e));
            } finally {
                writing.set(false);
                if (queue.isEmpty()) {
                    // Nothing waits: the desk forgets the screening, so that lanes do not pile up
                    // for every screening ever held. A hold that found this lane just before still
                    // wakes it below or by itself; one arriving after makes a new lane. At worst two
                    // writers work on one screening for a moment, which its aggregate lock serialises.
                    lanes.remove(screeningId, this);
                }
                if (!queue.isEmpty()) {
                    wake();
                }
            }
        }

        /**
         * Even a lone hold goes as a batch (of one): its refusal is then an outcome too, and rolls
         * nothing back.
         */
        private void write(List<Waiting> batch) {
            List<HoldOutcome> outcomes;
            try {
                outcomes = commands.sendAndWait(new PlaceBookingsCommand(
                        batch.get(0).request.command().screeningId(),
                        batch.stream().map(waiting -> waiting.request).toList()));
            } catch (RuntimeException e) {
                // Not a refusal (those are outcomes): something failed the whole batch, which rolled
                // back. Each hold alone then gets the answer its own request deserves.
                log.debug("A batch of {} holds failed; sending them one by one", batch.size(), e);
                batch.forEach(this::writeAlone);
                return;
            }
            for (int i = 0; i < batch.size(); i++) {
                HoldOutcome outcome = outcomes.get(i);
                CompletableFuture<Screenings.Hold> answer = batch.get(i).answer;
                if (outcome.refusal() != null) {
                    answer.completeExceptionally(
                            new CommandExecutionException(outcome.refusal().message(), null, outcome.refusal()));
                } else {
                    answer.complete(outcome.hold());
                }
            }
        }

        private void writeAlone(Waiting waiting) {
            try {
                waiting.answer.complete(sendAlone(waiting.request));
            } catch (RuntimeException e) {
                waiting.answer.completeExceptionally(e);
            }
        }
    }

    /** A hold waiting for its screening's writer, and the caller waiting for its answer. */
    private final class Waiting {

        private final PlaceBookingsCommand.Request request;
        private final CompletableFuture<Screenings.Hold> answer = new CompletableFuture<>();

        Waiting(PlaceBookingsCommand.Request request) {
            this.request = request;
        }

        /**
         * The outcome, as the command sent alone would answer it. A hold that waited {@code
         * max-wait} without being taken is withdrawn and answered 429; one that a writer has taken
         * is being written and always gets its outcome.
         */
        Screenings.Hold answer(Lane lane) {
            try {
                try {
                    return answer.get(properties.maxWait().toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (lane.queue.remove(this)) {
                        throw busy();
                    }
                    return answer.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a hold", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException("A hold failed", e.getCause());
            }
        }
    }
}
