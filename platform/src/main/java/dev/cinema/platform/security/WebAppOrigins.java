package dev.cinema.platform.security;

import java.util.List;

/**
 * The browser app's pages, for the app that serves them: besides their own origin, the origins of
 * the APIs their scripts call (the other app's). Asked on every page answer rather than bound once,
 * because the standalone run learns the query side's port only after the command side has started.
 */
@FunctionalInterface
public interface WebAppOrigins {

    /** Origins ({@code http://localhost:8081}) the pages' scripts may connect to besides their own. */
    List<String> apiOrigins();
}
