package dev.cinema.query.rebuild;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a projection (a class with {@code @ProcessingGroup}) as one that can be rebuilt without
 * downtime: its tables get a second slot, its handlers a second processing group, and analysts
 * can replay it into the slot nobody reads and switch to it ({@link ProjectionRebuilds}).
 *
 * <p>The projection must keep all its state in the tables named here (schema {@code read_model},
 * each with a twin in {@code read_model_b}) and reach them only through Hibernate (JPA or native
 * queries), which routes each statement to the right slot; SQL of its own goes through {@link
 * SlotRouting#route(String)}. Live pushes go out only from the active slot ({@link
 * SlotRouting#isLive()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Rebuildable {

    /** The name analysts use, e.g. {@code seat-maps}. */
    String name();

    /** Every table of schema {@code read_model} the projection writes, without the schema. */
    String[] tables();

    /**
     * True for a projection that folds a processor batch in memory and writes it once ({@link
     * ProcessorBatch}): its processors take {@code cinema.projections.replay-batch-size} events per
     * transaction, where a projection that reads and writes through JPA per event keeps {@code
     * cinema.projections.batch-size} (a large batch only grows the session it flushes before every
     * query). A processor that keeps up gets batches of what has arrived, whatever the size, so the
     * size matters when a slot replays.
     */
    boolean foldsPerBatch() default false;
}
