package dev.cinema.platform.audit;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit chain in every app: the key (a missing one stops the start, outside development), the
 * chain, the checkpoint signer, and the chaining of published events on the app's event store.
 */
@Configuration(proxyBeanMethods = false)
public class AuditChainConfiguration {

    @Bean
    AuditChainKey auditChainKey(AuditChainProperties properties) {
        return AuditChainKey.from(properties);
    }

    @Bean
    EventChain eventChain(AuditChainKey key, AuditChainProperties properties) {
        return new EventChain(key, properties.aggregates());
    }

    @Bean
    CheckpointSigner checkpointSigner(AuditChainKey key) {
        return new CheckpointSigner(key);
    }

    /**
     * Registered once every bean exists, after any interceptor an app registers while its beans
     * are made, so that it is the last: a link must cover the event exactly as it is stored.
     * (Only the command side publishes events; the query side's store never sees one.)
     */
    @Bean
    SmartInitializingSingleton eventChainingRegistration(
            ObjectProvider<EventStore> eventStore,
            EventChain chain,
            @Qualifier("eventSerializer") ObjectProvider<Serializer> eventSerializer) {
        return () -> {
            EventStore store = eventStore.getIfUnique();
            Serializer serializer = eventSerializer.getIfAvailable();
            if (store != null && serializer != null) {
                store.registerDispatchInterceptor(new EventChaining(chain, serializer, store));
            }
        };
    }
}
