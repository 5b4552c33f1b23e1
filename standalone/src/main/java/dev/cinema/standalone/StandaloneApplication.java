package dev.cinema.standalone;

import dev.cinema.command.CommandSideApplication;
import dev.cinema.platform.audit.AuditChainKey;
import dev.cinema.platform.security.RsaKeys;
import dev.cinema.query.QuerySideApplication;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The default run: command side and query side in one JVM, two independent Spring contexts on
 * one in-memory H2 database, with demo data. Nothing to install but a JDK and Maven.
 */
public final class StandaloneApplication {

    static final String DEFAULT_DB_URL = "jdbc:h2:mem:cinema;DB_CLOSE_DELAY=-1;MODE=PostgreSQL";

    /** Where the browser app finds the query API (command side, {@code WebAppConfiguration}). */
    static final String WEB_QUERY_API = "cinema.web.query-api";

    private StandaloneApplication() {}

    public static void main(String[] args) {
        Running running = start(Map.of(), true, args);
        System.out.println(running.banner());
    }

    /**
     * Starts both sides; {@code overrides} apply to both contexts (tests use them for ports and the
     * database), {@code demo} loads the demo data.
     */
    public static Running start(Map<String, Object> overrides, boolean demo, String... args) {
        Map<String, Object> shared = new HashMap<>();
        shared.put("spring.datasource.url", env("CINEMA_DB_URL", DEFAULT_DB_URL));
        // One key pair for the run: the command side signs with it, the query side verifies with its
        // public half, without an HTTP round trip to the JWKS endpoint.
        if (System.getenv("CINEMA_JWT_PRIVATE_KEY") == null) {
            KeyPair pair = RsaKeys.generate();
            shared.put("cinema.security.jwt.private-key", RsaKeys.toPem((RSAPrivateKey) pair.getPrivate()));
            shared.put("cinema.security.jwt.public-key", RsaKeys.toPem((RSAPublicKey) pair.getPublic()));
        }
        // One audit secret for the run, for the same reason: the command side chains the events
        // with it and the query side verifies the chain.
        if (System.getenv("CINEMA_AUDIT_CHAIN_KEY") == null) {
            shared.put("cinema.audit.chain.key", AuditChainKey.generateBase64());
        }
        shared.putAll(overrides);
        Map<String, Object> querySide = new HashMap<>(shared);
        querySide.remove("cinema.security.jwt.private-key");
        ConfigurableApplicationContext command = CommandSideApplication.builder()
                .profiles(demo ? new String[] {"demo"} : new String[0])
                .run(asArguments(shared, args));
        // The browser app is served by the command side and calls the query side: in this run (and
        // only here) the query side lets the command side's origin in, unless the caller says otherwise.
        String pages = "localhost:" + port(command, 8080);
        querySide.putIfAbsent(
                "cinema.security.cors.allowed-origins", "http://" + pages + ",http://127.0.0.1:" + port(command, 8080));
        ConfigurableApplicationContext query = QuerySideApplication.builder().run(asArguments(querySide, args));
        // ... and the pages learn the query side's address, known only now when its port was 0.
        if (!shared.containsKey(WEB_QUERY_API)) {
            command.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "standalone-web-app", Map.of(WEB_QUERY_API, "http://localhost:" + port(query, 8081))));
        }
        return new Running(command, query);
    }

    /**
     * As command-line arguments, so that they outrank each app's configuration file (builder
     * properties would only be defaults); the caller's own arguments come last and win.
     */
    private static String[] asArguments(Map<String, Object> properties, String[] args) {
        List<String> arguments = new ArrayList<>();
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.addAll(List.of(args));
        return arguments.toArray(String[]::new);
    }

    private static int port(ConfigurableApplicationContext context, int fallback) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", Integer.toString(fallback)));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Both contexts of a standalone run. */
    public record Running(ConfigurableApplicationContext command, ConfigurableApplicationContext query) {

        public int commandPort() {
            return Integer.parseInt(command.getEnvironment().getProperty("local.server.port", "8080"));
        }

        public int queryPort() {
            return Integer.parseInt(query.getEnvironment().getProperty("local.server.port", "8081"));
        }

        public void stop() {
            query.close();
            command.close();
        }

        String banner() {
            String c = "http://localhost:" + commandPort();
            String q = "http://localhost:" + queryPort();
            return String.join(
                    "\n",
                    "",
                    "==================================================================",
                    " Cinema ticketing is running (standalone, in-memory H2, demo data)",
                    "  command API  " + c + "/api        Swagger UI " + c + "/swagger-ui.html",
                    "  query API    " + q + "/api        Swagger UI " + q + "/swagger-ui.html",
                    "  web app      " + c + "/app/",
                    "  demo logins (dev only): customer@cinema.dev / customer-pass-2026",
                    "                          admin@cinema.dev    / admin-pass-2026",
                    "                          auditor@cinema.dev  / auditor-pass-2026",
                    "                          analyst@cinema.dev  / analyst-pass-2026",
                    "  stop with Ctrl+C",
                    "==================================================================");
        }
    }
}
