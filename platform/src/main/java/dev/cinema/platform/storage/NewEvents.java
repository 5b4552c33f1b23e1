package dev.cinema.platform.storage;

/**
 * The PostgreSQL notification channel on which the command side says "new events committed":
 * without Axon Server the query side otherwise learns of them only at its next poll of the
 * shared event table. Notifying is done in the appending transaction, so PostgreSQL delivers it
 * at the commit (and not at all after a rollback); several in one transaction arrive as one.
 */
public final class NewEvents {

    public static final String CHANNEL = "cinema_events";

    private NewEvents() {}
}
