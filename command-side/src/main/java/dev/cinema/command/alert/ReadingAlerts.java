package dev.cinema.command.alert;

import dev.cinema.contracts.alert.InboxId;
import dev.cinema.contracts.alert.ReadAlertCommand;
import dev.cinema.contracts.alert.ReadAllAlertsCommand;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * A customer reads alerts of their own inbox. A customer who has never had an alert has no inbox
 * yet: reading one alert of it is reading an unknown alert, reading all of it reads nothing.
 */
@Component
class ReadingAlerts {

    private final Repository<Inbox> inboxes;

    ReadingAlerts(Repository<Inbox> inboxes) {
        this.inboxes = inboxes;
    }

    @CommandHandler
    void handle(ReadAlertCommand command) {
        load(command.inboxId())
                .orElseThrow(() -> Inbox.notFound(command.alertId()))
                .execute(inbox -> inbox.read(command.alertId()));
    }

    @CommandHandler
    void handle(ReadAllAlertsCommand command) {
        load(command.inboxId()).ifPresent(inbox -> inbox.execute(Inbox::readAll));
    }

    private Optional<Aggregate<Inbox>> load(InboxId inboxId) {
        try {
            return Optional.of(inboxes.load(inboxId.value()));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
