package dev.cinema.command.config;

import dev.cinema.platform.observability.RequestCorrelation;
import dev.cinema.platform.refusal.Refusal;
import dev.cinema.platform.refusal.RefusalDetails;
import java.util.HashMap;
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

    private final CommandRefusals refusals;

    CommandBusInterceptors(CommandRefusals refusals) {
        this.refusals = refusals;
    }

    @Autowired
    void register(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(sentBy());
        commandBus.registerDispatchInterceptor(requestId());
        commandBus.registerHandlerInterceptor(RequestCorrelation.mdcInterceptor());
        commandBus.registerHandlerInterceptor(refusalsAsDetails(refusals));
    }

    /**
     * Axon puts correlation data on what commands and event handlers cause, but not on what a
     * deadline causes: without this, an expiry's events would say nobody did it.
     */
    @Autowired
    void register(DeadlineManager deadlines, List<CorrelationDataProvider> providers) {
        deadlines.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers));
        // What a deadline does (a hold running out) is logged with the request that started it.
        deadlines.registerHandlerInterceptor(RequestCorrelation.mdcInterceptor());
    }

    /**
     * The correlation id of the HTTP request this thread serves (platform's
     * RequestCorrelationFilter) goes with the command, and from there onto everything it causes.
     * A command sent while handling another message gets it from that message instead (Axon's
     * correlation data, see ObservabilityAutoConfiguration).
     */
    private static MessageDispatchInterceptor<CommandMessage<?>> requestId() {
        return (List<? extends CommandMessage<?>> messages) -> (index, command) -> {
            if (command.getMetaData().containsKey(RequestCorrelation.METADATA_KEY)) {
                return command;
            }
            Map<String, Object> requestId = RequestCorrelation.currentAsMetaData();
            return requestId.isEmpty() ? command : command.andMetaData(requestId);
        };
    }

    /**
     * What the current thread puts on a command it hands over to another thread to send (the hold
     * desk): its sender and its request's correlation id.
     */
    public static Map<String, String> currentMetaData() {
        Map<String, String> metaData = new HashMap<>();
        metaData.put(SENT_BY, currentSender());
        String requestId = RequestCorrelation.current();
        if (requestId != null) {
            metaData.put(RequestCorrelation.METADATA_KEY, requestId);
        }
        return Map.copyOf(metaData);
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
    private static MessageHandlerInterceptor<CommandMessage<?>> refusalsAsDetails(CommandRefusals refusals) {
        return (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (Refusal e) {
                refusals.count(
                        CommandRefusals.simpleName(unitOfWork.getMessage().getCommandName()), e.code());
                throw new CommandExecutionException(e.getMessage(), e, e.asDetails());
            } catch (AggregateNotFoundException e) {
                refusals.count(
                        CommandRefusals.simpleName(unitOfWork.getMessage().getCommandName()), "not-found");
                throw new CommandExecutionException(
                        e.getMessage(), e, new RefusalDetails("not-found", null, "No such item", Map.of()));
            }
        };
    }
}
