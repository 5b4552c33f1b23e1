package dev.cinema.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one run of the client talks to: its output streams, standard input, the environment, the
 * home directory and whether a person watches a terminal. Tests hand in their own.
 *
 * @param console the terminal to read a password from without echo; null when there is none
 * @param terminal whether standard output is a terminal (a live progress bar) or a pipe or file
 *     (one line per update)
 */
record Io(
        PrintWriter out,
        PrintWriter err,
        BufferedReader in,
        Map<String, String> env,
        Path home,
        Console console,
        boolean terminal) {

    static Io system() {
        Console console = System.console();
        Charset charset = console == null ? Charset.defaultCharset() : console.charset();
        return new Io(
                new PrintWriter(System.out, true, charset),
                new PrintWriter(System.err, true, charset),
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                System.getenv(),
                home(System.getenv("HOME")),
                console,
                // On Java 17 the console exists only when both standard input and output are a terminal.
                console != null);
    }

    /** {@code $HOME} as the shell has it (Java's user.home ignores it), else user.home. */
    static Path home(String fromEnvironment) {
        return fromEnvironment == null || fromEnvironment.isBlank()
                ? Path.of(System.getProperty("user.home"))
                : Path.of(fromEnvironment);
    }

    /** An environment variable, null when unset or blank. */
    String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
