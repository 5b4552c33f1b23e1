package dev.cinema.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.platform.web.RefusalStatuses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every refusal code the sources can raise has its one status in the web layer's table, and the
 * table names no code that nothing raises. Codes are written as literals where refusals are made
 * (a code built from pieces could not be checked), which this test also holds to.
 */
class RefusalCodesTest {

    private static final List<String> MODULES = List.of("platform", "command-side", "query-side");
    private static final Pattern RAISED = Pattern.compile("new (Refusal|RefusalDetails)\\(\\s*(\"([^\"]*)\")?");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z0-9]+(?:-[a-z0-9]+)*)\"");

    private static final Set<String> raised = new TreeSet<>();
    private static final List<String> notLiteral = new ArrayList<>();
    private static final Set<String> literals = new TreeSet<>();

    @BeforeAll
    static void readTheSources() {
        for (String module : MODULES) {
            Path sources = Path.of("..", module, "src", "main", "java");
            assertThat(sources)
                    .as("sources of %s (the test runs in the system-tests module)", module)
                    .isDirectory();
            try (Stream<Path> files = Files.walk(sources)) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(RefusalCodesTest::read);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void read(Path file) {
        try {
            String source = Files.readString(file);
            Matcher raising = RAISED.matcher(source);
            while (raising.find()) {
                boolean declaration = source.startsWith("public Refusal", Math.max(0, raising.start() - 7));
                if (raising.group(3) != null) {
                    raised.add(raising.group(3));
                } else if (!declaration && !file.endsWith("Refusal.java") && !file.endsWith("RefusalDetails.java")) {
                    notLiteral.add(file.getFileName() + " at offset " + raising.start());
                }
            }
            if (!file.endsWith("RefusalStatuses.java")) {
                Matcher literal = LITERAL.matcher(source);
                while (literal.find()) {
                    literals.add(literal.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theSourcesRaiseRefusals() {
        assertThat(raised)
                .as("codes found; the pattern would otherwise check nothing")
                .hasSizeGreaterThan(40);
    }

    @Test
    void everyRefusalIsMadeWithALiteralCode() {
        assertThat(notLiteral).isEmpty();
    }

    @Test
    void everyCodeRaisedHasItsStatus() {
        assertThat(raised)
                .allSatisfy(code -> assertThat(RefusalStatuses.of(code))
                        .as("status of refusal code %s", code)
                        .isPresent());
    }

    @Test
    void theTableNamesNoCodeThatNothingRaises() {
        assertThat(RefusalStatuses.all().keySet())
                .allSatisfy(code ->
                        assertThat(literals).as("a source that raises %s", code).contains(code));
    }
}
