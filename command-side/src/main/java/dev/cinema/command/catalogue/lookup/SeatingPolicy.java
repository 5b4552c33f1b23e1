package dev.cinema.command.catalogue.lookup;

/**
 * A screening known to the lookup, and whether its cinema prevents stranded seats: null when its
 * screen or cinema is not in the lookup (then the default applies: prevented).
 */
public record SeatingPolicy(String screeningId, Boolean preventStrandedSeats) {}
