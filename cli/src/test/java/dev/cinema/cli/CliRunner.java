package dev.cinema.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the client in the test's JVM with its own streams, environment and home directory. */
final class CliRunner {

    /** What one run printed and how it ended. */
    record Result(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    final Map<String, String> env = new HashMap<>();
    final Path home;
    String stdin = "";
    boolean terminal;

    CliRunner(Path home) {
        this.home = home;
    }

    Path defaultConfig() {
        return home.resolve(".cinema-cli.json");
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Io io = new Io(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new BufferedReader(new StringReader(stdin)),
                Map.copyOf(env),
                home,
                null,
                terminal);
        int exitCode = CinemaCli.run(io, args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
