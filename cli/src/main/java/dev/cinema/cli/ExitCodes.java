package dev.cinema.cli;

/** The client's exit codes, as the README lists them. */
final class ExitCodes {

    /** Done. */
    static final int OK = 0;
    /** A call failed (4xx/5xx, no connection), a rebuild failed or mismatched, a retry failed again. */
    static final int FAILED = 1;
    /** Bad arguments: unknown command or option, missing or invalid value (picocli's own code). */
    static final int USAGE = 2;
    /** Not ready yet: an analytics projection is still catching up; try again later. */
    static final int NOT_READY = 3;

    private ExitCodes() {}
}
