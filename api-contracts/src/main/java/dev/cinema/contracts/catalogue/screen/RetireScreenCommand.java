package dev.cinema.contracts.catalogue.screen;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retires a screen: no new screenings can be scheduled on it. */
public record RetireScreenCommand(@TargetAggregateIdentifier ScreenId screenId) {}
