package dev.cinema.command.config;

import static org.axonframework.deadline.GenericDeadlineMessage.asDeadlineMessage;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Axon's db-scheduler deadline manager, but the deadlines a transaction schedules are written
 * together, with one batched insert when it prepares to commit. Axon's writes each one on its own
 * with db-scheduler's {@code scheduleIfNotExists}, a select and an insert; every seat hold
 * schedules two (its expiry and its reminder), and a hold desk's batch holds for a hundred
 * customers in one transaction. Deadline ids are new random identifiers, so there is nothing to
 * look for first.
 *
 * <p>The same as Axon's otherwise: the task, its name and its stored form ({@link
 * DbSchedulerBinaryDeadlineDetails}, as Axon serializes it) are Axon's, so Axon's task runs these
 * deadlines and cancels them. A deadline joins the batch when the unit of work that scheduled it
 * prepares to commit (as Axon's is written then), so one scheduled in a nested unit of work that
 * rolls back is dropped with it. Outside a unit of work it is written at once, by Axon.
 */
final class BatchingDeadlineManager extends DbSchedulerDeadlineManager {

    /** Axon's task (its name is not public, but every deadline token says it). */
    private static final TaskDescriptor<DbSchedulerBinaryDeadlineDetails> TASK =
            TaskDescriptor.of(new DbSchedulerDeadlineToken("").getTaskName(), DbSchedulerBinaryDeadlineDetails.class);

    private static final String PENDING = BatchingDeadlineManager.class.getName() + ".pending";

    private final Scheduler scheduler;
    private final Serializer serializer;

    BatchingDeadlineManager(Builder builder, Scheduler scheduler, Serializer serializer) {
        super(builder.scheduler(scheduler).serializer(serializer));
        this.scheduler = scheduler;
        this.serializer = serializer;
    }

    @Override
    public String schedule(
            Instant triggerDateTime, String deadlineName, Object messageOrPayload, ScopeDescriptor deadlineScope) {
        if (!CurrentUnitOfWork.isStarted()) {
            return super.schedule(triggerDateTime, deadlineName, messageOrPayload, deadlineScope);
        }
        DeadlineMessage<Object> deadline = asDeadlineMessage(deadlineName, messageOrPayload, triggerDateTime);
        String identifier = IdentifierFactory.getInstance().generateIdentifier();
        CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> {
            DeadlineMessage<Object> message = processDispatchInterceptors(deadline);
            pending(unitOfWork.root())
                    .add(SchedulableInstance.of(
                            TASK.instance(identifier)
                                    .data(details(deadlineName, deadlineScope, message))
                                    .build(),
                            triggerDateTime));
        });
        return identifier;
    }

    /**
     * The deadlines of this transaction not written yet. The first one asks to be written when the
     * root prepares to commit; one added after that (scheduled by a handler that runs while the
     * root commits, or by a nested unit of work that commits then) finds the list drained and
     * asks again: handlers added to a phase that is running run in it.
     */
    private List<SchedulableInstance<?>> pending(UnitOfWork<?> root) {
        List<SchedulableInstance<?>> pending = root.getOrComputeResource(PENDING, key -> new ArrayList<>());
        if (pending.isEmpty()) {
            root.onPrepareCommit(unitOfWork -> {
                List<SchedulableInstance<?>> batch = List.copyOf(pending);
                pending.clear();
                scheduler.scheduleBatch(batch);
            });
        }
        return pending;
    }

    /** What Axon's own manager stores for a deadline (its {@code DbSchedulerBinaryDeadlineDetails.serialized}). */
    private DbSchedulerBinaryDeadlineDetails details(
            String deadlineName, ScopeDescriptor scope, DeadlineMessage<Object> message) {
        SerializedObject<byte[]> descriptor = serializer.serialize(scope, byte[].class);
        SerializedObject<byte[]> payload = serializer.serialize(message.getPayload(), byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(message.getMetaData(), byte[].class);
        return new DbSchedulerBinaryDeadlineDetails(
                deadlineName,
                descriptor.getData(),
                descriptor.getType().getName(),
                payload.getData(),
                payload.getType().getName(),
                payload.getType().getRevision(),
                metaData.getData());
    }
}
