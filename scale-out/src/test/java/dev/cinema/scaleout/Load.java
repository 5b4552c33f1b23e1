package dev.cinema.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.TestTokens;
import dev.cinema.platform.testsupport.process.AppProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Customers holding seats through the command processes, each request to one of them at random,
 * and paying for a share of their holds through another one (so a booking held by one process is
 * paid through the other). Remembers every hold and payment the system acknowledged: those are
 * what must never be lost.
 */
final class Load {

    /**
     * An acknowledged hold: 201 from {@code via} at {@code at} (as the client saw it), held until
     * {@code expiresAt} (as the server said), paid when the payment answered 201 confirmed.
     */
    record Held(
            String bookingId,
            String screeningId,
            List<String> seats,
            Instant at,
            Instant expiresAt,
            String via,
            boolean paid) {}

    /** Answers by kind ({@code hold 201}, {@code pay 503 (database-unavailable)}, ...). */
    record Figures(Map<String, Integer> answers, int retryAfterMissing, double seconds) {

        int count(String kind) {
            return answers.getOrDefault(kind, 0);
        }

        @Override
        public String toString() {
            return String.format("%.1f s, %s", seconds, new TreeMap<>(answers));
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int CONTENDED = 12;

    private final List<String> seats;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Queue<Held> acknowledged = new ConcurrentLinkedQueue<>();
    private final Set<String> expired = ConcurrentHashMap.newKeySet();

    Load(List<String> seats) {
        this.seats = List.copyOf(seats);
    }

    /** {@code callers} customers for {@code duration}, paying for {@code payShare} of their holds. */
    Figures run(
            List<AppProcess> commandProcesses, List<String> screenings, int callers, Duration duration, double payShare)
            throws InterruptedException {
        List<AppProcess> commands = List.copyOf(commandProcesses);
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        AtomicInteger retryAfterMissing = new AtomicInteger();
        long deadline = System.nanoTime() + duration.toNanos();
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            Thread thread = new Thread(
                    () -> {
                        String token = TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER");
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        while (System.nanoTime() < deadline) {
                            int via = random.nextInt(commands.size());
                            String screening = screenings.get(random.nextInt(screenings.size()));
                            List<String> wanted = freeSeats(screening, random);
                            if (wanted.isEmpty()) {
                                pause();
                                continue;
                            }
                            hold(commands, via, token, screening, wanted, payShare, answers, retryAfterMissing);
                        }
                    },
                    "load-" + c);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Map<String, Integer> counted = new TreeMap<>();
        answers.forEach((kind, count) -> counted.put(kind, count.get()));
        return new Figures(counted, retryAfterMissing.get(), (System.nanoTime() - t0) / 1e9);
    }

    private void hold(
            List<AppProcess> commands,
            int via,
            String token,
            String screening,
            List<String> wanted,
            double payShare,
            Map<String, AtomicInteger> answers,
            AtomicInteger retryAfterMissing) {
        AppProcess holder = commands.get(via);
        Answer hold = post(holder, "/api/bookings", token, Map.of("screeningId", screening, "seats", wanted), Map.of());
        count(answers, retryAfterMissing, "hold", hold);
        if (hold.status() != 201) {
            if (hold.status() < 0 || hold.status() >= 500) {
                pause();
            }
            return;
        }
        Instant at = Instant.now();
        String bookingId = hold.body().path("bookingId").asText();
        Instant expiresAt = Instant.parse(hold.body().path("expiresAt").asText());
        boolean paid = false;
        if (ThreadLocalRandom.current().nextDouble() < payShare) {
            AppProcess payer = commands.get((via + 1) % commands.size());
            Answer payment = post(
                    payer,
                    "/api/bookings/" + bookingId + "/payments",
                    token,
                    Map.of("paymentMethod", "tok_success"),
                    Map.of("Idempotency-Key", "scale-out-" + bookingId));
            count(answers, retryAfterMissing, "pay", payment);
            paid = payment.status() == 201
                    && payment.body().path("bookingConfirmed").asBoolean();
        }
        acknowledged.add(new Held(bookingId, screening, wanted, at, expiresAt, holder.name(), paid));
    }

    /**
     * One or two seats side by side that no acknowledged, unexpired hold of ours has, among the
     * first {@value #CONTENDED} such: the callers contend for the same few seats, as a crowd does
     * for the best ones, so that processes race for seats rather than each taking its own.
     */
    private List<String> freeSeats(String screening, ThreadLocalRandom random) {
        Set<String> taken = seatsOf(screening);
        List<String> free = seats.stream()
                .filter(seat -> !taken.contains(seat))
                .limit(CONTENDED)
                .toList();
        if (free.isEmpty()) {
            return List.of();
        }
        int first = random.nextInt(free.size());
        if (random.nextBoolean() && first + 1 < free.size() && sameRow(free.get(first), free.get(first + 1))) {
            return List.of(free.get(first), free.get(first + 1));
        }
        return List.of(free.get(first));
    }

    private static boolean sameRow(String a, String b) {
        return a.replaceAll("\\d", "").equals(b.replaceAll("\\d", ""));
    }

    /** The seats of {@code screening} held or sold by acknowledged holds that have not expired. */
    Set<String> seatsOf(String screening) {
        return acknowledged.stream()
                .filter(held -> held.screeningId().equals(screening) && !expired.contains(held.bookingId()))
                .flatMap(held -> held.seats().stream())
                .collect(Collectors.toSet());
    }

    /** The seats of {@code screening} held by holds acknowledged after {@code since}. */
    Set<String> seatsHeldSince(String screening, Instant since) {
        return acknowledged.stream()
                .filter(held ->
                        held.screeningId().equals(screening) && held.at().isAfter(since))
                .flatMap(held -> held.seats().stream())
                .collect(Collectors.toSet());
    }

    List<Held> acknowledged() {
        return List.copyOf(acknowledged);
    }

    Set<String> bookingIds(Predicate<Held> which) {
        return acknowledged.stream().filter(which).map(Held::bookingId).collect(Collectors.toSet());
    }

    /** The processes that acknowledged holds, with how many each. */
    Map<String, Long> heldPerProcess() {
        return acknowledged.stream().collect(Collectors.groupingBy(Held::via, Collectors.counting()));
    }

    /** Holds the system expired: their seats are free again. */
    void forgetExpired(Collection<String> bookingIds) {
        expired.addAll(bookingIds);
    }

    private record Answer(int status, JsonNode body, boolean retryAfter, String failure) {}

    private Answer post(AppProcess app, String path, String token, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(app.uri(path))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(JsonHttp.MAPPER.writeValueAsString(body)));
            headers.forEach(request::header);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = JsonHttp.MAPPER.readTree(response.body());
            } catch (IOException notJson) {
                json = JsonHttp.MAPPER.missingNode();
            }
            return new Answer(
                    response.statusCode(),
                    json,
                    response.headers().firstValue("Retry-After").isPresent(),
                    null);
        } catch (IOException e) {
            return new Answer(
                    -1, JsonHttp.MAPPER.missingNode(), false, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, JsonHttp.MAPPER.missingNode(), false, "interrupted");
        }
    }

    private static void count(
            Map<String, AtomicInteger> answers, AtomicInteger retryAfterMissing, String step, Answer answer) {
        String kind;
        if (answer.status() < 0) {
            kind = step + " no answer (" + answer.failure() + ")";
        } else {
            String code = answer.body().path("code").asText("");
            kind = step + " " + answer.status() + (code.isEmpty() ? "" : " (" + code + ")");
            if ((answer.status() == 503 || answer.status() == 429) && !answer.retryAfter()) {
                retryAfterMissing.incrementAndGet();
            }
        }
        answers.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
