package dev.cinema.standalone.bench.harness;

import dev.cinema.command.CommandSideApplication;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.TestTokens;
import dev.cinema.platform.testsupport.process.JdbcDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command side in the harness's own JVM (as {@code HoldBenchmark} runs it), so that holds can
 * be sent to its beans without HTTP: what is measured is the hold itself.
 */
final class InProcessCommandSide implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    InProcessCommandSide(JdbcDatabase database, Map<String, String> settings) {
        Map<String, Object> properties = new HashMap<>(TestTokens.keyProperties());
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.user());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.jpa.database-platform", "dev.cinema.platform.storage.ByteaPostgreSQLDialect");
        properties.put("spring.profiles.active", "postgres");
        properties.put("server.port", "0");
        properties.put("logging.level.root", "WARN");
        properties.put("spring.main.banner-mode", "off");
        properties.putAll(settings);
        List<String> arguments = new ArrayList<>();
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        this.context = CommandSideApplication.builder().run(arguments.toArray(String[]::new));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    JsonHttp http() {
        return JsonHttp.localhost(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    @Override
    public void close() {
        context.close();
    }
}
