package dev.cinema.standalone.bench.harness;

import dev.cinema.platform.testsupport.process.AppProcess;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The peak heap used by the JVMs a scenario measures, sampled every 250 ms while it runs (a peak
 * between two samples is missed: good enough to see how far from the limit an app stays).
 */
final class HeapSampler implements AutoCloseable {

    private static final long INTERVAL_MILLIS = 250;

    private final Map<String, AtomicLong> peaks = new LinkedHashMap<>();
    private final Map<String, LongSupplier> sources = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private HeapSampler(Map<String, LongSupplier> sources) {
        this.sources.putAll(sources);
        sources.keySet().forEach(name -> peaks.put(name, new AtomicLong(-1)));
        this.thread = new Thread(this::sample, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** Samples this JVM (an in-process scenario: the app shares the harness's heap). */
    static HeapSampler thisJvm() {
        return new HeapSampler(Map.of(
                "harness JVM",
                () -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()));
    }

    /** Samples each app through its metrics endpoint. */
    static HeapSampler of(AppProcess... apps) {
        Map<String, LongSupplier> sources = new LinkedHashMap<>();
        for (AppProcess app : apps) {
            sources.put(app.name(), app::heapUsed);
        }
        return new HeapSampler(sources);
    }

    private void sample() {
        while (running) {
            sources.forEach((name, source) -> peaks.get(name).accumulateAndGet(source.getAsLong(), Math::max));
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling; the peaks stay readable. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** E.g. {@code peak heap used: command-1 212 MB, command-2 198 MB (each -Xmx512m)}. */
    String describe(String limit) {
        StringBuilder text = new StringBuilder("peak heap used: ");
        String separator = "";
        for (Map.Entry<String, AtomicLong> peak : peaks.entrySet()) {
            long bytes = peak.getValue().get();
            text.append(separator)
                    .append(peak.getKey())
                    .append(' ')
                    .append(bytes < 0 ? "unknown" : (bytes >> 20) + " MB");
            separator = ", ";
        }
        return text.append(" (").append(limit).append(')').toString();
    }
}
