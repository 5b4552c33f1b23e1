package dev.cinema.contracts.favourite;

/** The customer's favourite films, cinemas and locations (those still in the catalogue). */
public record FindFavouritesQuery(String customerId) {}
