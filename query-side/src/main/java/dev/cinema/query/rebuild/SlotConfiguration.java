package dev.cinema.query.rebuild;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.hibernate.cfg.AvailableSettings;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Gives every {@link Rebuildable} projection its two slots: the statement routing for Hibernate,
 * and a tracking processor per slot. Slot A's processor has the projection's own group name and
 * handler bean; slot B's gets a second instance of the same handler class. Neither starts by
 * itself: {@link ProjectionRebuilds} starts, once the application is ready, exactly the slots the
 * slot table says are live (a node joining mid-rebuild must not touch the slot being reset). A
 * projection that folds a batch in memory ({@link Rebuildable#foldsPerBatch()}) gets the larger
 * replay batch size.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class SlotConfiguration {

    @Bean
    static RebuildableProjections rebuildableProjections() {
        return RebuildableProjections.scan("dev.cinema.query", SlotConfiguration.class.getClassLoader());
    }

    @Bean
    SlotRouting slotRouting(RebuildableProjections projections) {
        return new SlotRouting(projections.projectionOfTable(), projections.routeOfGroup());
    }

    @Bean
    HibernatePropertiesCustomizer slotRoutingForHibernate(SlotRouting routing) {
        return properties -> properties.put(AvailableSettings.STATEMENT_INSPECTOR, routing);
    }

    @Bean
    ConfigurerModule slotProcessors(
            RebuildableProjections projections,
            SlotRouting routing,
            ProjectionSlotProperties properties,
            AutowireCapableBeanFactory beans) {
        return configurer -> configurer.eventProcessing(processing -> {
            for (RebuildableProjection projection : projections.all()) {
                int batchSize =
                        projection.type().getAnnotation(Rebuildable.class).foldsPerBatch()
                                ? properties.replayBatchSize()
                                : properties.batchSize();
                for (Slot slot : Slot.values()) {
                    String group = projection.processingGroup(slot);
                    // One thread, one segment: the projections keep copies of facts across
                    // aggregates, so order matters (see query-side.yml before this change).
                    processing.registerTrackingEventProcessor(
                            group,
                            Configuration::eventStore,
                            c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                    .andBatchSize(batchSize)
                                    .andInitialSegmentsCount(1)
                                    .andThreadFactory(name -> routing.threadFactory(projection.name(), slot, name))
                                    .andAutoStart(false));
                }
                SlotBHandler slotB = new SlotBHandler();
                processing.registerEventHandler(c -> slotB.instance = beans.createBean(projection.type()));
                processing.assignHandlerInstancesMatching(
                        projection.processingGroup(Slot.B), instance -> instance == slotB.instance);
            }
        });
    }

    /** Slot B's handler instance, made when Axon builds its handlers. */
    private static final class SlotBHandler {
        volatile Object instance;
    }
}
