package dev.cinema.command.payment;

import dev.cinema.contracts.payment.RefundRetryDueEvent;
import dev.cinema.contracts.payment.RetryRefundCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** A failed refund's retry falls due (a scheduled event): attempt it again. */
@Component
@ProcessingGroup("command-refund-retry")
class RefundRetryPolicy {

    private final CommandGateway commands;

    RefundRetryPolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(RefundRetryDueEvent event) {
        commands.sendAndWait(new RetryRefundCommand(event.refundId()));
    }
}
