package dev.cinema.command.alert;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.alert.AlertId;
import dev.cinema.contracts.alert.AlertRaisedEvent;
import dev.cinema.contracts.alert.AlertReadEvent;
import dev.cinema.contracts.alert.InboxId;
import dev.cinema.contracts.alert.RaiseAlertCommand;
import dev.cinema.platform.refusal.Refusal;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A customer's inbox: the alerts raised for them, and which of them they have read. Alerts are
 * facts of the command side, so that reading one can be refused for an alert that is not the
 * caller's (the query side cannot be asked), and reading is a fact too: the read flags come back
 * when the alerts read model is rebuilt. An alert id is derived from what raised it, so a trigger
 * delivered twice raises nothing the second time.
 */
@Aggregate
class Inbox {

    @AggregateIdentifier
    private InboxId inboxId;

    private AccountId customerId;
    private final Set<AlertId> raised = new HashSet<>();
    private final Set<AlertId> unread = new LinkedHashSet<>();

    protected Inbox() {}

    /** The inbox is created with its first alert; an alert it holds already is not raised again. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RaiseAlertCommand command) {
        if (raised.contains(command.alertId())) {
            return;
        }
        apply(new AlertRaisedEvent(
                command.inboxId(),
                command.customerId(),
                command.alertId(),
                command.type(),
                command.refs(),
                command.details(),
                command.occurredAt()));
    }

    /**
     * Marks one alert read; reading it again changes nothing. An id this inbox never held, which
     * includes every other customer's alerts, is unknown.
     */
    void read(AlertId alertId) {
        if (!raised.contains(alertId)) {
            throw notFound(alertId);
        }
        if (unread.contains(alertId)) {
            apply(new AlertReadEvent(inboxId, customerId, alertId));
        }
    }

    /** Marks every alert raised so far read, one event per alert that was unread. */
    void readAll() {
        for (AlertId alertId : List.copyOf(unread)) {
            apply(new AlertReadEvent(inboxId, customerId, alertId));
        }
    }

    static Refusal notFound(AlertId alertId) {
        return new Refusal("alert-not-found", null, "No alert " + alertId);
    }

    @EventSourcingHandler
    void on(AlertRaisedEvent event) {
        inboxId = event.inboxId();
        customerId = event.customerId();
        raised.add(event.alertId());
        unread.add(event.alertId());
    }

    @EventSourcingHandler
    void on(AlertReadEvent event) {
        unread.remove(event.alertId());
    }
}
