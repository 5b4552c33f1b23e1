package dev.cinema.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that calls the apps: reaches the run's streams and session through the root command. */
abstract class ApiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    CinemaCli root() {
        return (CinemaCli) spec.root().userObject();
    }

    Io io() {
        return root().io();
    }

    PrintWriter out() {
        return io().out();
    }

    PrintWriter err() {
        return io().err();
    }

    Session session() {
        return Session.open(root());
    }
}
