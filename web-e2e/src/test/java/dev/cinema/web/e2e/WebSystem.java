package dev.cinema.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.platform.testsupport.H2Database;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.JsonHttp.Response;
import dev.cinema.standalone.StandaloneApplication;
import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One system and one browser for every test of the module: both apps started in-process on H2 with
 * the demo data, as the default run starts them, and one headless Chromium. Starting either costs
 * seconds, so they are started once, on first use, and stopped when the test JVM ends.
 */
final class WebSystem {

    static final String CUSTOMER = "customer@cinema.dev";
    static final String CUSTOMER_PASSWORD = "customer-pass-2026";
    static final String ADMIN = "admin@cinema.dev";
    static final String ADMIN_PASSWORD = "admin-pass-2026";
    static final String ANALYST = "analyst@cinema.dev";
    static final String ANALYST_PASSWORD = "analyst-pass-2026";

    private static WebSystem instance;

    final StandaloneApplication.Running system;
    final JsonHttp commands;
    final JsonHttp queries;
    final ChromeDriver browser;

    private WebSystem() {
        Map<String, Object> properties = new HashMap<>(H2Database.properties());
        properties.put("server.port", "0");
        system = StandaloneApplication.start(properties, true);
        commands = JsonHttp.localhost(system.commandPort());
        queries = JsonHttp.localhost(system.queryPort());
        browser = startBrowser();
    }

    static synchronized WebSystem get() {
        if (instance == null) {
            instance = new WebSystem();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    /** Whether the system was started (a failure before then has no browser to photograph). */
    static synchronized WebSystem ifStarted() {
        return instance;
    }

    String app() {
        return "http://localhost:" + system.commandPort() + "/app/";
    }

    String token(String email, String password) {
        Response login = commands.post("/api/auth/login", Map.of("email", email, "password", password), null);
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        return login.text("accessToken");
    }

    private static ChromeDriver startBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        try {
            // A fresh profile per run; without the background-networking flags Chromium keeps
            // reaching for Google's services, which a closed network refuses.
            File profile = Files.createTempDirectory("cinema-e2e-chromium").toFile();
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--window-size=1280,900",
                    "--user-data-dir=" + profile.getAbsolutePath());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        driver.manage().window().setSize(new Dimension(1280, 900));
        return driver;
    }

    private void stop() {
        try {
            browser.quit();
        } finally {
            system.stop();
        }
    }
}
