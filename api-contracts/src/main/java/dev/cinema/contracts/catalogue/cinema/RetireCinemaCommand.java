package dev.cinema.contracts.catalogue.cinema;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retires a cinema. */
public record RetireCinemaCommand(@TargetAggregateIdentifier CinemaId cinemaId) {}
