package dev.cinema.query.rebuild;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What a projection keeps in memory for the events of one processor batch, written once before
 * the batch's transaction commits (DESIGN.md section 10). A tracking processor hands a projection
 * up to {@code cinema.projections.batch-size} events in one unit of work and one transaction; a
 * projection that reads and writes its rows per event pays a few round trips per event (and, with
 * JPA, a flush of everything the session manages before each query, which grows with the batch),
 * one that reads the rows the whole batch needs at once and writes them at the end pays a few
 * statements per batch.
 *
 * <p>The batch lives in the root unit of work: made by the first event a projection handles in
 * it, given every event of the batch to read ahead what they will need, and flushed when the unit
 * of work prepares to commit: inside its transaction, in the same commit as the processor's token.
 * A rollback drops it with the transaction, and the processor delivers the events again. Outside a
 * unit of work (a projection called directly) there is none: the caller folds the one event into a
 * batch of its own and writes it at once.
 */
public final class ProcessorBatch {

    private ProcessorBatch() {}

    /** A projection's state for one batch. */
    public interface State {

        /** Writes what the batch changed; a second flush writes only what changed since. */
        void flush();
    }

    /**
     * The projection's state for the current unit of work, made with {@code start} (given the
     * batch's events) by the first event of the batch; empty outside a unit of work.
     */
    public static <S extends State> Optional<S> current(Object projection, Function<List<EventMessage<?>>, S> start) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        // Slot A's and slot B's handlers are two instances of one class: each has its own state.
        String key = ProcessorBatch.class.getName() + "/"
                + projection.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(projection));
        S state = root.getResource(key);
        if (state == null) {
            S made = start.apply(messages(root));
            root.resources().put(key, made);
            root.onPrepareCommit(unitOfWork -> made.flush());
            state = made;
        }
        return Optional.of(state);
    }

    private static List<EventMessage<?>> messages(UnitOfWork<?> unitOfWork) {
        if (unitOfWork instanceof BatchingUnitOfWork<?> batch) {
            return batch.getMessages().stream()
                    .filter(EventMessage.class::isInstance)
                    .<EventMessage<?>>map(EventMessage.class::cast)
                    .toList();
        }
        Message<?> message = unitOfWork.getMessage();
        return message instanceof EventMessage<?> event ? List.of(event) : List.of();
    }
}
