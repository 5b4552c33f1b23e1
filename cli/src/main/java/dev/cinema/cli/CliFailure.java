package dev.cinema.cli;

/** A failure the client explains in one message, with the exit code it ends with. */
final class CliFailure extends RuntimeException {

    private final int exitCode;

    CliFailure(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    CliFailure(String message) {
        this(message, ExitCodes.FAILED);
    }

    int exitCode() {
        return exitCode;
    }
}
