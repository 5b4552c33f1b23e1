package dev.cinema.command.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts the commands refused for a business reason (a {@code Refusal}: seats taken, payment
 * declined, a hold queue full), which the caller gets as a 4xx, by command type and refusal code:
 * {@code cinema_commands_refused_total{command, code}}. Axon's {@code commandBus_failureCounter}
 * counts them among its failures too; what it counts beyond these is technical.
 */
@Component
public class CommandRefusals {

    private final MeterRegistry registry;

    public CommandRefusals(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(String command, String code) {
        Counter.builder("cinema.commands.refused")
                .description("Commands refused for a business reason (answered 4xx)")
                .tag("command", command)
                .tag("code", code == null ? "unknown" : code)
                .register(registry)
                .increment();
    }

    /** The simple name of a command class name, as Axon's own command metrics tag it. */
    public static String simpleName(String commandName) {
        return commandName.substring(commandName.lastIndexOf('.') + 1);
    }
}
