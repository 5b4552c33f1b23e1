package dev.cinema.contracts.catalogue.film;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retires a film: no new screenings; it leaves the listings. */
public record RetireFilmCommand(@TargetAggregateIdentifier FilmId filmId) {}
