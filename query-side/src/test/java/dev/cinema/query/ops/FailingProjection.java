package dev.cinema.query.ops;

import dev.cinema.contracts.catalogue.location.LocationCreatedEvent;
import dev.cinema.contracts.catalogue.location.LocationRenamedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A test-only projection of locations whose handler throws on a location named "Poison…" until
 * {@link #failing} is switched off: what a projection with a bug looks like, until the fix is
 * deployed. Not a component, so that only the tests that import it have it.
 */
@ProcessingGroup(FailingProjection.GROUP)
class FailingProjection {

    static final String GROUP = "query-test-failing";

    /** A second group registered in code, as a rebuild slot would be: it must get a queue too. */
    static final String SECOND_SLOT = GROUP + "@b";

    final AtomicBoolean failing = new AtomicBoolean(true);
    final List<String> folded = new CopyOnWriteArrayList<>();

    @EventHandler
    void on(LocationCreatedEvent event) {
        fold("created " + event.locationId().value() + " " + event.name(), event.name());
    }

    @EventHandler
    void on(LocationRenamedEvent event) {
        fold("renamed " + event.locationId().value() + " " + event.name(), event.name());
    }

    private void fold(String entry, String name) {
        if (failing.get() && name.startsWith("Poison")) {
            throw new IllegalStateException("Cannot fold " + name);
        }
        folded.add(entry);
    }

    @ResetHandler
    void reset() {
        folded.clear();
    }

    /**
     * A group without a dead-letter queue (its name does not start with query-): a failure stops
     * its segment, which Axon retries with back-off until the handler succeeds.
     */
    @ProcessingGroup(Stopping.GROUP)
    static final class Stopping {

        static final String GROUP = "test-stopping";

        final AtomicBoolean failing = new AtomicBoolean(false);
        final List<String> folded = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(LocationCreatedEvent event) {
            if (failing.get() && event.name().startsWith("Stop")) {
                throw new IllegalStateException("Cannot fold " + event.name());
            }
            folded.add(event.name());
        }
    }

    /** Handlers of the second slot: registered in code, never failing. */
    static final class SecondSlot {

        @EventHandler
        void on(LocationCreatedEvent event) {
            // Nothing to keep: the slot is here to be given a queue.
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FailingProjection failingProjection() {
            return new FailingProjection();
        }

        @Bean
        Stopping stopping() {
            return new Stopping();
        }

        /** Not a bean: Axon would register a bean with handlers a second time, in a group of its own. */
        @Bean
        ConfigurerModule secondSlotRegistration() {
            SecondSlot secondSlot = new SecondSlot();
            return configurer -> configurer.eventProcessing(processing -> processing
                    .registerEventHandler(config -> secondSlot)
                    .assignHandlerInstancesMatching(SECOND_SLOT, handler -> handler instanceof SecondSlot));
        }
    }
}
