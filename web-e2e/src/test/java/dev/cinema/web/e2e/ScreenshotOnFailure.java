package dev.cinema.web.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;

/**
 * A failed test leaves what the browser showed: a PNG and the page's HTML in
 * {@code target/e2e-failures/} (the system property {@code cinema.e2e.failures}).
 */
final class ScreenshotOnFailure implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        WebSystem web = WebSystem.ifStarted();
        if (web == null) {
            return;
        }
        try {
            Path dir = Path.of(System.getProperty("cinema.e2e.failures", "target/e2e-failures"));
            Files.createDirectories(dir);
            String name = context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName();
            Files.write(dir.resolve(name + ".png"), web.browser.getScreenshotAs(OutputType.BYTES));
            Files.writeString(
                    dir.resolve(name + ".html"),
                    web.browser.getCurrentUrl() + "\n" + web.browser.getPageSource(),
                    StandardCharsets.UTF_8);
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
