package dev.cinema.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Issue 12: the {@code json-logs} profile turns both apps' console into one JSON object per line
 * (Elastic Common Schema), with the request's correlation id as a field of its own. Without a
 * Spring context: the apps' own configuration files are read, and a line is written with the
 * encoder Spring Boot installs for that setting.
 */
class JsonLogsTest {

    @Test
    void theJsonLogsProfileSwitchesBothAppsToEcsJsonLines() throws IOException {
        for (String file : List.of("command-side.yml", "query-side.yml")) {
            List<PropertySource<?>> documents = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
            assertThat(documents).as(file).anySatisfy(document -> {
                assertThat(document.getProperty("spring.config.activate.on-profile"))
                        .isEqualTo("json-logs");
                assertThat(String.valueOf(document.getProperty("logging.structured.format.console")))
                        .isEqualTo("ecs");
            });
            // Without the profile, text: no document outside it switches the format.
            assertThat(documents)
                    .filteredOn(document -> document.getProperty("spring.config.activate.on-profile") == null)
                    .allSatisfy(document -> assertThat(document.getProperty("logging.structured.format.console"))
                            .isNull());
        }
    }

    @Test
    void anEcsLineIsJsonWithTheCorrelationIdAsAField() throws IOException {
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), new StandardEnvironment());
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat("ecs");
        encoder.start();
        LoggingEvent event = new LoggingEvent(
                JsonLogsTest.class.getName(),
                context.getLogger("dev.cinema.command.observability.BusinessMetrics"),
                Level.INFO,
                "Booking confirmed: booking {}",
                null,
                new Object[] {"b-42"});
        event.setMDCPropertyMap(Map.of("requestId", "support-call-4711"));

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertThat(line).endsWith("\n").doesNotContain("\n{");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("message").asText()).isEqualTo("Booking confirmed: booking b-42");
        assertThat(json.at("/log/level").asText()).isEqualTo("INFO");
        assertThat(json.path("requestId").asText()).isEqualTo("support-call-4711");
        encoder.stop();
    }
}
