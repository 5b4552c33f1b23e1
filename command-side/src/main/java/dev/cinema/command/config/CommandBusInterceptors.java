package dev.cinema.command.config;

import dev.cinema.platform.refusal.Refusal;
import dev.cinema.platform.refusal.RefusalDetails;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/** Cross-cutting behaviour of commands and deadlines: who caused them, and how refusals travel back. */
@Component
public class CommandBusInterceptors {

    /** Metadata key naming the account that sent a command; copied onto the events it causes. */
    public static final String SENT_BY = "sentBy";

    static final String SYSTEM = "system";

    @Autowired
    void register(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(sentBy());
        commandBus.registerHandlerInterceptor(refusalsAsDetails());
    }

    /**
     * Axon puts correlation data on what commands and event handlers cause, but not on what a
     * deadline causes: without this, an expiry's events would say nobody did it.
     */
    @Autowired
    void register(DeadlineManager deadlines, List<CorrelationDataProvider> providers) {
        deadlines.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers));
    }

    /**
     * The account comes from the verified token of the request that caused the command; commands
     * the system sends itself (demo data, later sagas and deadlines) say "system".
     */
    private static MessageDispatchInterceptor<CommandMessage<?>> sentBy() {
        return (List<? extends CommandMessage<?>> messages) -> (index, command) -> {
            if (command.getMetaData().containsKey(SENT_BY)) {
                return command;
            }
            return command.andMetaData(Map.of(SENT_BY, currentSender()));
        };
    }

    /**
     * Who sends a command from this thread: the account of the verified token of the request it
     * serves, or "system". Public for the few places that dispatch on another thread than the
     * request's (the hold desk), which must capture it before handing the work over.
     */
    public static String currentSender() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken jwt ? jwt.getName() : SYSTEM;
    }

    /**
     * Refusals travel back as the details of a CommandExecutionException: that form also crosses
     * Axon Server, where the exception class itself does not.
     */
    private static MessageHandlerInterceptor<CommandMessage<?>> refusalsAsDetails() {
        return (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (Refusal e) {
                throw new CommandExecutionException(e.getMessage(), e, e.asDetails());
            } catch (AggregateNotFoundException e) {
                throw new CommandExecutionException(
                        e.getMessage(), e, new RefusalDetails("not-found", null, "No such item", Map.of()));
            }
        };
    }
}
