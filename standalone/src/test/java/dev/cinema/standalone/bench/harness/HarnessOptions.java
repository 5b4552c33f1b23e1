package dev.cinema.standalone.bench.harness;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The harness's command line: {@code [--jdbc-url URL --user U --password P] [--smoke]
 * [--scenarios a,b,...] [--out DIR]}.
 */
record HarnessOptions(String jdbcUrl, String user, String password, boolean smoke, List<String> scenarios, Path out) {

    static final String USAGE = "usage: bench/run [--jdbc-url URL --user U --password P] [--smoke]"
            + " [--scenarios a,b,...] [--out DIR] [--no-build]";

    static HarnessOptions parse(String[] args, List<String> known) {
        String url = null;
        String user = "postgres";
        String password = "";
        boolean smoke = false;
        List<String> scenarios = known;
        Path out = Path.of("target", "bench");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--smoke" -> smoke = true;
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
        return new HarnessOptions(url, user, password, smoke, scenarios, out);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }
}
