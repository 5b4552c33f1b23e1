package dev.cinema.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The README's screenshots, taken in the same headless browser: not part of the test command, run
 * on demand with {@code -Dcinema.screenshots=../docs/screenshots} (see the README).
 */
@ExtendWith(ScreenshotOnFailure.class)
@EnabledIfSystemProperty(named = "cinema.screenshots", matches = ".+")
class DocScreenshotsTest {

    @Test
    void theMainPagesArePhotographedForTheDocs() throws Exception {
        WebSystem web = WebSystem.get();
        Pages pages = new Pages(web);
        Path dir = Path.of(System.getProperty("cinema.screenshots"));
        Files.createDirectories(dir);
        web.browser.manage().window().setSize(new Dimension(1200, 800));
        try {
            pages.logInAs(WebSystem.CUSTOMER, WebSystem.CUSTOMER_PASSWORD);
            pages.open("/");
            pages.find("button.day[aria-pressed='false']").click();
            pages.find("#screenings a.time");
            shoot(web, dir, "listings");

            String screening = web.queries
                    .get("/api/screenings?sort=startsAt,asc&size=1&page=5", null)
                    .body()
                    .get("items")
                    .get(0)
                    .get("id")
                    .asText();
            pages.open("/screenings/" + screening);
            pages.find(".seatmap[data-live='live']");
            // Each click redraws the map: seats are found again by their label.
            pages.all(".seatmap button.seat.free.premium").stream()
                    .limit(2)
                    .map(b -> b.getAttribute("data-seat"))
                    .toList()
                    .forEach(label -> pages.find(".seatmap button[data-seat='" + label + "']")
                            .click());
            pages.find("#hold").click();
            pages.find(".countdown");
            shoot(web, dir, "seat-map");
            pages.find("#pay").click();
            pages.find("#confirmed");
            pages.open("/bookings");
            pages.find("table.table");
            shoot(web, dir, "bookings");

            pages.logInAs(WebSystem.ADMIN, WebSystem.ADMIN_PASSWORD);
            pages.open("/staff/schedule");
            pages.script(
                    "arguments[0].value = arguments[1]",
                    pages.find("input[name=startsAt]"),
                    LocalDate.now().plusDays(1) + "T13:30");
            pages.find("#schedule").click();
            pages.find("form[aria-labelledby='schedule-title'] .error");
            shoot(web, dir, "staff-scheduling");
            pages.open("/staff/catalogue");
            pages.find(".layout-grid");
            shoot(web, dir, "staff-layout-editor");

            pages.logInAs(WebSystem.ANALYST, WebSystem.ANALYST_PASSWORD);
            pages.open("/analyst/processors");
            pages.find("main table");
            shoot(web, dir, "analyst-processors");
            pages.open("/analyst/analytics");
            pages.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.chart")));
            shoot(web, dir, "analyst-analytics");
        } finally {
            web.browser.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    private static void shoot(WebSystem web, Path dir, String name) throws Exception {
        byte[] png = web.browser.getScreenshotAs(OutputType.BYTES);
        assertThat(png.length).as(name).isLessThan(200_000);
        Files.write(dir.resolve(name + ".png"), png);
    }
}
