package dev.cinema.contracts.catalogue.screen;

/** Projection technology of a screen. */
public enum ScreenFormat {
    TWO_D,
    THREE_D,
    IMAX,
    DOLBY_CINEMA
}
