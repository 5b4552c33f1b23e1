package dev.cinema.command.alert;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.alert.AlertId;
import dev.cinema.contracts.alert.InboxId;
import dev.cinema.contracts.alert.ReadAlertCommand;
import dev.cinema.contracts.alert.ReadAllAlertsCommand;
import dev.cinema.platform.openapi.ApiAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller reads their alerts. Reading is recorded in their inbox (the alerts themselves are
 * read from the query API, {@code GET /api/me/alerts}).
 */
@RestController
@Tag(name = "My alerts", description = "Mark the caller's alerts read (token required)")
class AlertController {

    private final CommandGateway commands;

    AlertController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/api/me/alerts/{alertId}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(
            summary = "Mark one of the caller's alerts read",
            description = "204 also when it was read already. An alert id is a UUID (400 otherwise); someone "
                    + "else's alert is not found (404), like an unknown one.")
    void read(@PathVariable UUID alertId, @AuthenticationPrincipal Jwt caller) {
        commands.sendAndWait(new ReadAlertCommand(inbox(caller), AlertId.of(alertId.toString())));
    }

    @PostMapping("/api/me/alerts/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(
            summary = "Mark every alert of the caller read",
            description = "Every alert raised so far, also those not listed yet; 204 also when there was none.")
    void readAll(@AuthenticationPrincipal Jwt caller) {
        commands.sendAndWait(new ReadAllAlertsCommand(inbox(caller)));
    }

    private static InboxId inbox(Jwt caller) {
        return InboxId.of(AccountId.of(caller.getSubject()));
    }
}
