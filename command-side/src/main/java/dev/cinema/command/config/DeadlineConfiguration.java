package dev.cinema.command.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's deadlines on db-scheduler, as Axon's auto-configuration builds them but for two things.
 * The deadlines of one transaction are written with one batched insert ({@link
 * BatchingDeadlineManager}). And the task's retry policy:
 * Axon's task keeps db-scheduler's default, which tries a failed deadline again only after five
 * minutes; a hold expiry that failed (say, on a conflicting write from another process) would
 * leave its seats shown as held that long. Here it is retried after 1 s, 2 s, 4 s... instead.
 * The task's name stays Axon's: pending deadlines are stored under it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "db-scheduler.enabled", havingValue = "true")
class DeadlineConfiguration {

    /** Axon's {@code deadlineManager} bean, with its settings (db-scheduler's starter starts and stops the scheduler). */
    @Bean
    DbSchedulerDeadlineManager deadlineManager(
            Scheduler scheduler,
            org.axonframework.config.Configuration configuration,
            @Qualifier("eventSerializer") Serializer serializer,
            TransactionManager transactionManager,
            DeadlineManagerSpanFactory spanFactory) {
        return new BatchingDeadlineManager(
                DbSchedulerDeadlineManager.builder()
                        .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                        .transactionManager(transactionManager)
                        .spanFactory(spanFactory)
                        .startScheduler(false)
                        .stopScheduler(false),
                scheduler,
                serializer);
    }

    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> dbSchedulerDeadlineDetailsTask(
            ApplicationContext context, DeadlineProperties properties) {
        Task<DbSchedulerBinaryDeadlineDetails> axon =
                DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
        return Tasks.oneTime(axon.getTaskName(), DbSchedulerBinaryDeadlineDetails.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(properties.firstRetry()))
                .execute((instance, execution) -> axon.execute(instance, execution));
    }
}
