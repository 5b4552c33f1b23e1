package dev.cinema.standalone.bench.harness;

import java.nio.file.Path;

/**
 * What every scenario of a run shares: where its databases come from, whether this is a smoke run
 * (seconds-long, tiny counts: it proves the harness works, its figures mean nothing), and where
 * the apps' jars and logs are.
 */
record RunContext(Databases databases, boolean smoke, Path root, Path out) {

    Path commandJar() {
        return root.resolve("command-side/target/command-side-0.1.0-SNAPSHOT-exec.jar");
    }

    Path queryJar() {
        return root.resolve("query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar");
    }

    Path logs(String scenario) {
        return out.resolve("logs").resolve(scenario);
    }

    /** {@code full} in a real run, {@code smoke} in a smoke run. */
    int pick(int full, int smoke) {
        return this.smoke ? smoke : full;
    }
}
