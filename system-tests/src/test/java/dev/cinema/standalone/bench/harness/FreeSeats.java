package dev.cinema.standalone.bench.harness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The seats of one screening that look free to the callers: all at first, less each seat a hold
 * took or a refusal named as taken. Callers pick from it without reserving, so two of them may
 * ask for the same seat at once, as customers looking at one seat map do.
 */
final class FreeSeats {

    private final List<String> free;
    private final Map<String, Integer> index = new HashMap<>();
    private final int seatsPerRow;

    FreeSeats(List<String> seats, int seatsPerRow) {
        this.free = new ArrayList<>(seats);
        this.seatsPerRow = seatsPerRow;
        for (int i = 0; i < free.size(); i++) {
            index.put(free.get(i), i);
        }
    }

    /**
     * One random free-looking seat, and half the time its right-hand neighbour too if that looks
     * free; empty once none looks free.
     */
    synchronized List<String> pick() {
        if (free.isEmpty()) {
            return List.of();
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String seat = free.get(random.nextInt(free.size()));
        String neighbour = rightOf(seat);
        if (random.nextBoolean() && neighbour != null && index.containsKey(neighbour)) {
            return List.of(seat, neighbour);
        }
        return List.of(seat);
    }

    synchronized void taken(List<String> seats) {
        for (String seat : seats) {
            Integer at = index.remove(seat);
            if (at == null) {
                continue;
            }
            String last = free.remove(free.size() - 1);
            if (at < free.size()) {
                free.set(at, last);
                index.put(last, at);
            }
        }
    }

    synchronized boolean isEmpty() {
        return free.isEmpty();
    }

    /** The next seat in the row (labels are row letters then 1..seatsPerRow), or null at the end. */
    private String rightOf(String seat) {
        int digits = seat.length();
        while (digits > 0 && Character.isDigit(seat.charAt(digits - 1))) {
            digits--;
        }
        int number = Integer.parseInt(seat.substring(digits));
        return number < seatsPerRow ? seat.substring(0, digits) + (number + 1) : null;
    }
}
