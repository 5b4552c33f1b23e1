package dev.cinema.standalone.bench.harness;

import dev.cinema.platform.testsupport.process.AppProcess;
import dev.cinema.platform.testsupport.process.JdbcDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What every scenario of a run shares: where its databases come from, whether this is a smoke run
 * (seconds-long, tiny counts: it proves the harness works, its figures mean nothing), and where
 * the apps' jars and logs are.
 */
record RunContext(
        Databases databases, boolean smoke, boolean profile, List<String> appJvmOptions, Path root, Path out) {

    Path commandJar() {
        return root.resolve("command-side/target/command-side-0.1.0-SNAPSHOT-exec.jar");
    }

    Path queryJar() {
        return root.resolve("query-side/target/query-side-0.1.0-SNAPSHOT-exec.jar");
    }

    Path logs(String scenario) {
        return out.resolve("logs").resolve(scenario);
    }

    /**
     * The JVM options of an app a scenario starts: those given with {@code --app-jvm-option} (a
     * setting as a system property, say, to measure with it off) and with {@code --profile}, a flight recording
     * (JFR's "profile" settings) written beside the app's log when it stops.
     */
    List<String> jvmOptions(String scenario, String app) {
        List<String> options = new ArrayList<>(appJvmOptions);
        if (profile) {
            options.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + logs(scenario).toAbsolutePath().resolve(app + ".jfr"));
        }
        return options;
    }

    /**
     * Starts a command-side process {@code app} for {@code scenario}, its log (and recording) in the
     * scenario's directory, with {@code settings} as {@code --name=value} arguments.
     */
    AppProcess commandSide(String scenario, String app, JdbcDatabase database, List<String> settings)
            throws IOException, InterruptedException {
        return AppProcess.start(app, commandJar(), database, logs(scenario), jvmOptions(scenario, app), settings);
    }

    /** Starts the query side, as {@code query}, for {@code scenario}. */
    AppProcess querySide(String scenario, JdbcDatabase database) throws IOException, InterruptedException {
        return AppProcess.start(
                "query", queryJar(), database, logs(scenario), jvmOptions(scenario, "query"), List.of());
    }

    /** {@code full} in a real run, {@code smoke} in a smoke run. */
    int pick(int full, int smoke) {
        return this.smoke ? smoke : full;
    }
}
