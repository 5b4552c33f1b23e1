package dev.cinema.platform.observability;

/**
 * Which of the app's event processors must run for it to serve: readiness is DOWN while one of
 * them is stopped or failing. An app whose processors are started and stopped on purpose (the
 * query side's rebuild slots) says which ones are meant to run now; by default every one is.
 */
@FunctionalInterface
public interface EventProcessorsNeeded {

    boolean needs(String processorName);

    static EventProcessorsNeeded all() {
        return name -> true;
    }
}
