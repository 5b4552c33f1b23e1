package dev.cinema.command.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.cinema.command.catalogue.screening.Screenings;
import dev.cinema.command.config.CommandRefusals;
import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.PlaceBookingCommand;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.platform.refusal.Refusal;
import dev.cinema.platform.refusal.RefusalDetails;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hold desk's queueing, against a command gateway that stands in for the command side: what it
 * sends (one hold alone, the others that waited meanwhile as one batch), how each caller is
 * answered, back-pressure, and what happens when a batch fails as a whole. The batch's handling
 * itself (each request decided on its own in one transaction) is tested through the API in {@code
 * BookingApiIntegrationTest}.
 */
class HoldDeskTest {

    private final ScreeningId screening = ScreeningId.of("screening-1");
    private final CommandGateway gateway = mock(CommandGateway.class);
    private final List<Object> sent = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstMayFinish = new CountDownLatch(1);
    private HoldDesk desk;

    @AfterEach
    void close() {
        firstMayFinish.countDown();
        if (desk != null) {
            desk.destroy();
        }
    }

    @Test
    void holdsThatWaitedMeanwhileAreSentAsOneBatchAndEachCallerGetsItsOwnAnswer() throws Exception {
        desk = desk(16, 128);
        when(gateway.sendAndWait(any())).thenAnswer(invocation -> {
            PlaceBookingsCommand batch = invocation.getArgument(0);
            sent.add(batch);
            if (sent.size() == 1) {
                firstMayFinish.await(10, TimeUnit.SECONDS);
            }
            List<HoldOutcome> outcomes = new ArrayList<>();
            for (PlaceBookingsCommand.Request request : batch.requests()) {
                outcomes.add(
                        request.command().seats().contains("B2")
                                ? HoldOutcome.refused(new RefusalDetails(
                                        "seats-unavailable",
                                        "seats",
                                        "B2 is taken",
                                        Map.of("unavailableSeats", List.of("B2"))))
                                : HoldOutcome.held(hold(request.command())));
            }
            return outcomes;
        });

        CompletableFuture<Screenings.Hold> first = CompletableFuture.supplyAsync(() -> desk.hold(command("A1")));
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);
        CompletableFuture<Screenings.Hold> second = CompletableFuture.supplyAsync(() -> desk.hold(command("A2")));
        CompletableFuture<Screenings.Hold> refused = CompletableFuture.supplyAsync(() -> desk.hold(command("B2")));
        CompletableFuture<Screenings.Hold> third = CompletableFuture.supplyAsync(() -> desk.hold(command("A3")));
        Thread.sleep(200); // all three are waiting behind the first
        firstMayFinish.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS).seats().get(0).seat()).isEqualTo("A1");
        assertThat(second.get(5, TimeUnit.SECONDS).seats().get(0).seat()).isEqualTo("A2");
        assertThat(third.get(5, TimeUnit.SECONDS).seats().get(0).seat()).isEqualTo("A3");
        assertThatThrownBy(() -> refused.join())
                .hasCauseInstanceOf(CommandExecutionException.class)
                .cause()
                .satisfies(e -> assertThat(((CommandExecutionException) e)
                                .<RefusalDetails>getDetails()
                                .orElseThrow()
                                .code())
                        .isEqualTo("seats-unavailable"));
        assertThat(sent).hasSize(2);
        assertThat(((PlaceBookingsCommand) sent.get(0)).requests())
                .as("a lone hold goes at once, as a batch of one")
                .hasSize(1);
        PlaceBookingsCommand batch = (PlaceBookingsCommand) sent.get(1);
        assertThat(batch.screeningId()).isEqualTo(screening);
        assertThat(batch.requests())
                .extracting(request -> request.command().seats().get(0))
                .containsExactlyInAnyOrder("A2", "B2", "A3");
        assertThat(batch.requests())
                .as("each request keeps a message id of its own and who sent it")
                .extracting(PlaceBookingsCommand.Request::messageId)
                .doesNotHaveDuplicates();
        assertThat(batch.requests())
                .allSatisfy(request -> assertThat(request.metaData()).containsEntry("sentBy", "system"));
    }

    @Test
    void aFullQueueIsAnsweredAtOnceWithARefusalThatTellsTheCallerToComeBack() {
        desk = desk(1, 128);
        when(gateway.sendAndWait(any())).thenAnswer(invocation -> {
            PlaceBookingsCommand batch = invocation.getArgument(0);
            sent.add(batch);
            firstMayFinish.await(10, TimeUnit.SECONDS);
            return batch.requests().stream()
                    .map(request -> HoldOutcome.held(hold(request.command())))
                    .toList();
        });
        CompletableFuture<Screenings.Hold> writing = CompletableFuture.supplyAsync(() -> desk.hold(command("A1")));
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);
        CompletableFuture<Screenings.Hold> waiting = CompletableFuture.supplyAsync(() -> desk.hold(command("A2")));
        await().atMost(Duration.ofSeconds(5)).until(() -> !waiting.isDone() && queued() == 1);

        assertThatThrownBy(() -> desk.hold(command("A3")))
                .isInstanceOf(Refusal.class)
                .satisfies(e -> assertThat(((Refusal) e).asDetails().code()).isEqualTo("hold-queue-full"));

        firstMayFinish.countDown();
        assertThat(writing.join().seats().get(0).seat()).isEqualTo("A1");
        assertThat(waiting.join().seats().get(0).seat()).isEqualTo("A2");
    }

    @Test
    void aBatchThatFailsAsAWholeIsSentAgainOneHoldAtATime() throws Exception {
        desk = desk(16, 128);
        when(gateway.sendAndWait(any())).thenAnswer(invocation -> {
            Object command = invocation.getArgument(0);
            sent.add(command);
            if (command instanceof PlaceBookingsCommand batch) {
                if (sent.size() == 1) {
                    firstMayFinish.await(10, TimeUnit.SECONDS);
                    return List.of(HoldOutcome.held(hold(batch.requests().get(0).command())));
                }
                throw new IllegalStateException("the batch's transaction failed");
            }
            PlaceBookingCommand alone = (PlaceBookingCommand) ((CommandMessage<?>) command).getPayload();
            if (alone.seats().contains("B2")) {
                throw new Refusal("seats-unavailable", "seats", "B2 is taken");
            }
            return hold(alone);
        });
        CompletableFuture<Screenings.Hold> first = CompletableFuture.supplyAsync(() -> desk.hold(command("A1")));
        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);
        CompletableFuture<Screenings.Hold> second = CompletableFuture.supplyAsync(() -> desk.hold(command("A2")));
        CompletableFuture<Screenings.Hold> refused = CompletableFuture.supplyAsync(() -> desk.hold(command("B2")));
        await().atMost(Duration.ofSeconds(5)).until(() -> queued() == 2);
        firstMayFinish.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS).seats().get(0).seat()).isEqualTo("A1");
        assertThat(second.get(5, TimeUnit.SECONDS).seats().get(0).seat()).isEqualTo("A2");
        assertThatThrownBy(refused::join).hasCauseInstanceOf(Refusal.class);
        assertThat(sent).hasSize(4); // A1 (a batch of one), the batch of two, then each of the two alone
        assertThat(sent.get(1)).isInstanceOf(PlaceBookingsCommand.class);
    }

    @Test
    void aScreeningNobodyWaitsForAnyMoreIsForgottenAndTakenUpAgainByTheNextHold() {
        desk = desk(16, 128);
        when(gateway.sendAndWait(any())).thenAnswer(invocation -> {
            PlaceBookingsCommand batch = invocation.getArgument(0);
            sent.add(batch);
            return batch.requests().stream()
                    .map(request -> HoldOutcome.held(hold(request.command())))
                    .toList();
        });
        assertThat(desk.hold(command("A1")).seats()).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> desk.screenings() == 0);

        assertThat(desk.hold(command("A2")).seats()).hasSize(1);
        assertThat(sent).hasSize(2);
    }

    @Test
    void switchedOffEveryHoldIsSentAloneOnTheCallersThread() {
        desk = new HoldDesk(gateway, new HoldDeskProperties(false, 16, 128, 2, Duration.ofSeconds(5)), refusals());
        when(gateway.sendAndWait(any())).thenAnswer(invocation -> {
            sent.add(Thread.currentThread().getName());
            return hold((PlaceBookingCommand) ((CommandMessage<?>) invocation.getArgument(0)).getPayload());
        });
        assertThat(desk.hold(command("A1")).seats()).hasSize(1);
        assertThat(sent).containsExactly(Thread.currentThread().getName());
    }

    private HoldDesk desk(int capacity, int maxBatch) {
        return new HoldDesk(
                gateway, new HoldDeskProperties(true, capacity, maxBatch, 2, Duration.ofSeconds(5)), refusals());
    }

    private int queued() {
        return desk.waiting();
    }

    private PlaceBookingCommand command(String seat) {
        return new PlaceBookingCommand(BookingId.random(), screening, AccountId.of("customer-" + seat), List.of(seat));
    }

    private static Screenings.Hold hold(PlaceBookingCommand command) {
        return new Screenings.Hold(
                command.screeningId(),
                command.seats().stream()
                        .map(seat -> new dev.cinema.contracts.booking.SeatPrice(
                                seat, dev.cinema.contracts.catalogue.screen.SeatType.STANDARD, null))
                        .toList(),
                Instant.parse("2026-12-01T10:00:00Z"));
    }

    private static CommandRefusals refusals() {
        return new CommandRefusals(new SimpleMeterRegistry());
    }
}
