package dev.cinema.standalone.bench.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The harness's command line: {@code [--jdbc-url URL --user U --password P] [--smoke] [--profile]
 * [--scenarios a,b,...] [--out DIR]}; {@code --profile} records each app process with JFR,
 * {@code --app-jvm-option} (repeatable) gives each app process a JVM option.
 */
record HarnessOptions(
        String jdbcUrl,
        String user,
        String password,
        boolean smoke,
        boolean profile,
        List<String> appJvmOptions,
        List<String> scenarios,
        Path out) {

    static final String USAGE =
            "usage: bench/run [--jdbc-url URL --user U --password P] [--smoke] [--profile] [--app-jvm-option OPT]..."
                    + " [--scenarios a,b,...] [--out DIR] [--no-build]";

    static HarnessOptions parse(String[] args, List<String> known) {
        String url = null;
        String user = "postgres";
        String password = "";
        boolean smoke = false;
        boolean profile = false;
        List<String> appJvmOptions = new ArrayList<>();
        List<String> scenarios = known;
        Path out = Path.of("target", "bench");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--smoke" -> smoke = true;
                case "--profile" -> profile = true;
                case "--app-jvm-option" -> appJvmOptions.add(value(args, ++i, arg));
                case "--jdbc-url" -> url = value(args, ++i, arg);
                case "--user" -> user = value(args, ++i, arg);
                case "--password" -> password = value(args, ++i, arg);
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--scenarios" -> {
                    scenarios = Arrays.stream(value(args, ++i, arg).split(","))
                            .map(String::trim)
                            .filter(name -> !name.isEmpty())
                            .toList();
                    for (String name : scenarios) {
                        if (!known.contains(name)) {
                            throw new IllegalArgumentException("Unknown scenario " + name + "; known: " + known);
                        }
                    }
                }
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            }
        }
        return new HarnessOptions(url, user, password, smoke, profile, List.copyOf(appJvmOptions), scenarios, out);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }
}
