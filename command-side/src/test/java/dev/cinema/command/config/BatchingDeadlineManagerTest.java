package dev.cinema.command.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import java.util.List;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The deadlines of one transaction go to db-scheduler as one batch, in Axon's stored form. */
class BatchingDeadlineManagerTest {

    private final Scheduler scheduler = mock(Scheduler.class);
    private final BatchingDeadlineManager deadlines = new BatchingDeadlineManager(
            DbSchedulerDeadlineManager.builder()
                    .scopeAwareProvider(mock(ScopeAwareProvider.class))
                    .startScheduler(false)
                    .stopScheduler(false),
            scheduler,
            JacksonSerializer.defaultSerializer());
    private final AggregateScopeDescriptor booking = new AggregateScopeDescriptor("Booking", "b-1");
    private final Instant at = Instant.parse("2026-12-01T20:00:00Z");

    @Test
    @SuppressWarnings("unchecked")
    void theDeadlinesOfOneUnitOfWorkAreWrittenAsOneBatchWhenItCommits() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        String expiry = deadlines.schedule(at, "hold-expiry", "payload", booking);
        String reminder = deadlines.schedule(at.minusSeconds(120), "hold-expiring", null, booking);
        verify(scheduler, never()).scheduleBatch(anyList());

        unitOfWork.commit();

        ArgumentCaptor<List<SchedulableInstance<?>>> batch = ArgumentCaptor.forClass(List.class);
        verify(scheduler).scheduleBatch(batch.capture());
        assertThat(batch.getValue()).extracting(SchedulableInstance::getId).containsExactly(expiry, reminder);
        assertThat(batch.getValue())
                .extracting(instance -> instance.getNextExecutionTime(Instant.EPOCH))
                .containsExactly(at, at.minusSeconds(120));
        assertThat(batch.getValue())
                .extracting(SchedulableInstance::getTaskName)
                .containsOnly("AxonDeadline");
        TaskInstance<?> first = batch.getValue().get(0).getTaskInstance();
        DbSchedulerBinaryDeadlineDetails details = (DbSchedulerBinaryDeadlineDetails) first.getData();
        assertThat(details.getD()).isEqualTo("hold-expiry");
        assertThat(details.getPc()).isEqualTo(String.class.getName());
        verify(scheduler, never()).schedule(any(TaskInstance.class), any(Instant.class));
    }

    @Test
    void nothingIsWrittenForAUnitOfWorkThatRollsBack() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        deadlines.schedule(at, "hold-expiry", null, booking);

        unitOfWork.rollback();

        verify(scheduler, never()).scheduleBatch(anyList());
    }
}
