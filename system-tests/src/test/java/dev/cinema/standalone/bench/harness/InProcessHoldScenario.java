package dev.cinema.standalone.bench.harness;

import dev.cinema.command.booking.HoldDesk;
import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.PlaceBookingCommand;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.platform.refusal.Refusal;
import dev.cinema.platform.testsupport.process.Catalogue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * One-seat holds sent in process by {@value #CALLERS} callers, each by a new booking and customer,
 * on seats nobody else asks for (so every hold should succeed: what is measured is the cost of a
 * hold, not of refusals). Three variants:
 *
 * <ul>
 *   <li>{@code hot-inprocess}: one 1,500-seat screening, through the {@link HoldDesk}, this system's
 *       path (the API's), with the shipped settings;
 *   <li>{@code hot-inprocess-axon-default} (baseline): the same through {@code
 *       CommandGateway.sendAndWait}, one command and transaction per hold, with Axon's defaults as
 *       far as settings go: no screening cache, no desk, no snapshots;
 *   <li>{@code spread-inprocess}: the holds spread over many screenings, a random one per hold,
 *       through the desk.
 * </ul>
 *
 * Each runs on a fresh database after an unmeasured warm-up on a screening of its own.
 */
final class InProcessHoldScenario implements Scenario {

    static final String HOT = "hot-inprocess";
    static final String AXON_DEFAULT = "hot-inprocess-axon-default";
    static final String SPREAD = "spread-inprocess";
    static final int CALLERS = 32;

    /**
     * Axon's {@code EventCountSnapshotTriggerDefinition} snapshots when its count reaches the
     * threshold, so 0 would mean a snapshot after every event; the largest int means never.
     */
    static final String NO_SNAPSHOTS = String.valueOf(Integer.MAX_VALUE);

    private final String name;

    private InProcessHoldScenario(String name) {
        this.name = name;
    }

    static InProcessHoldScenario hot() {
        return new InProcessHoldScenario(HOT);
    }

    static InProcessHoldScenario axonDefault() {
        return new InProcessHoldScenario(AXON_DEFAULT);
    }

    static InProcessHoldScenario spread() {
        return new InProcessHoldScenario(SPREAD);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ScenarioResult run(RunContext run) throws Exception {
        boolean axonDefault = name.equals(AXON_DEFAULT);
        Map<String, String> settings = axonDefault
                ? Map.of(
                        "cinema.screenings.cache", "false",
                        "cinema.booking.desk.enabled", "false",
                        "cinema.screenings.snapshot-every", NO_SNAPSHOTS)
                : Map.of();
        try (InProcessCommandSide app = new InProcessCommandSide(run.databases().fresh(), settings)) {
            Consumer<PlaceBookingCommand> hold;
            if (axonDefault) {
                CommandGateway gateway = app.bean(CommandGateway.class);
                hold = gateway::sendAndWait;
            } else {
                HoldDesk desk = app.bean(HoldDesk.class);
                hold = desk::hold;
            }
            Catalogue catalogue = new Catalogue(app.http(), 30, 50, 4);
            holds(hold, List.of(catalogue.screening()), catalogue, run.pick(200, 50), 8); // warm-up
            boolean spread = name.equals(SPREAD);
            int screeningCount = spread ? run.pick(1000, 20) : 1;
            List<String> screenings = spread ? catalogue.screenings(screeningCount) : List.of(catalogue.screening());
            int count = spread ? run.pick(4000, 300) : run.pick(1200, 300);
            HeapSampler heap = HeapSampler.thisJvm();
            long began = System.nanoTime();
            Tally tally;
            try {
                tally = holds(hold, screenings, catalogue, count, CALLERS);
            } finally {
                heap.close();
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            return ScenarioResult.of(
                    name,
                    configuration(axonDefault, spread, screeningCount, count),
                    tally.ok(),
                    seconds,
                    "holds/s",
                    tally.latency(),
                    tally.errors(),
                    axonDefault
                            ? Target.NONE
                            : spread
                                    ? Target.of(2500.0, null, "≥ 2,500 holds/s")
                                    : Target.of(2500.0, 50.0, "≥ 2,500 holds/s, p99 < 50 ms"),
                    heap.describe("in the harness JVM with the load, max heap "
                            + (Runtime.getRuntime().maxMemory() >> 20) + " MB"),
                    List.of());
        }
    }

    private String configuration(boolean axonDefault, boolean spread, int screenings, int count) {
        String path = axonDefault
                ? "CommandGateway.sendAndWait, one command per hold; cache off, desk off, snapshot-every="
                        + NO_SNAPSHOTS + " (never)"
                : "HoldDesk (shipped settings)";
        String where =
                spread ? screenings + " screenings of 1,500 seats, a random one per hold" : "one 1,500-seat screening";
        return CALLERS + " callers, " + count + " one-seat holds, " + where + "; " + path;
    }

    /**
     * Sends {@code count} one-seat holds from {@code callers} threads, each to a random screening of
     * {@code screenings} and a seat of it nobody has asked for yet.
     */
    private static Tally holds(
            Consumer<PlaceBookingCommand> hold, List<String> screenings, Catalogue catalogue, int count, int callers)
            throws InterruptedException {
        List<Queue<String>> free = new ArrayList<>();
        Random shuffle = new Random(7);
        for (int s = 0; s < screenings.size(); s++) {
            List<String> seats = catalogue.seats();
            Collections.shuffle(seats, shuffle);
            free.add(new ConcurrentLinkedQueue<>(seats));
        }
        AtomicInteger left = new AtomicInteger(count);
        Tally tally = new Tally();
        Callers.run(callers, () -> {
            while (left.getAndDecrement() > 0) {
                int s = ThreadLocalRandom.current().nextInt(screenings.size());
                String seat = free.get(s).poll();
                if (seat == null) {
                    tally.count("screening full (harness ran out of seats)");
                    continue;
                }
                long t0 = System.nanoTime();
                try {
                    hold.accept(new PlaceBookingCommand(
                            BookingId.random(),
                            ScreeningId.of(screenings.get(s)),
                            AccountId.of(UUID.randomUUID().toString()),
                            List.of(seat)));
                    tally.answer(Tally.OK, System.nanoTime() - t0);
                } catch (RuntimeException e) {
                    tally.answer(kind(e), System.nanoTime() - t0);
                }
            }
        });
        return tally;
    }

    /** A refusal by its code (e.g. {@code refused hold-queue-full}); anything else by its class. */
    private static String kind(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return "refused " + refusal.code();
            }
        }
        return failure.getClass().getSimpleName();
    }
}
