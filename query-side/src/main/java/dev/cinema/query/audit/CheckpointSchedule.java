package dev.cinema.query.audit;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Signs a checkpoint by itself every {@code cinema.audit.checkpoint-interval} (the first one interval
 * after the start), so that a stream cut short is noticed without anyone asking for a checkpoint.
 * Several query-side instances may each sign: checkpoints are numbered, and the one that loses the
 * race for a number simply waits for its next turn.
 */
@Component
class CheckpointSchedule implements SmartLifecycle {

    static final String SYSTEM = "system";
    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final Checkpoints checkpoints;
    private final Duration interval;
    private ScheduledExecutorService executor;

    CheckpointSchedule(Checkpoints checkpoints, AuditProperties properties) {
        this.checkpoints = checkpoints;
        this.interval = properties.checkpointInterval();
    }

    @Override
    public synchronized void start() {
        if (interval.isZero() || interval.isNegative()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "audit-checkpoints");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::sign, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sign() {
        try {
            CheckpointView checkpoint = checkpoints.create(SYSTEM);
            log.info(
                    "Audit checkpoint {} signed: {} streams, {} moved",
                    checkpoint.number(),
                    checkpoint.streams(),
                    checkpoint.changedStreams());
        } catch (RuntimeException e) {
            log.warn("Audit checkpoint not signed this time: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
