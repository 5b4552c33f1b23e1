package dev.cinema.standalone.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A closed loop: {@code callers} threads, each sending its next request when its last one is
 * answered, until the work runs out. Answers the seconds from the start of all to the end of the
 * last, the interval a throughput is counted over.
 */
final class Callers {

    private Callers() {}

    static double run(int callers, Runnable caller) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            Thread thread = new Thread(
                    () -> {
                        try {
                            start.await();
                            caller.run();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "caller-" + (c + 1));
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        long began = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return (System.nanoTime() - began) / 1e9;
    }
}
