package dev.cinema.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Staff schedule in the browser (an overlap refused in words); analysts rebuild and read charts. */
@ExtendWith(ScreenshotOnFailure.class)
class StaffAndAnalystWebTest {

    Pages pages;

    @BeforeEach
    void setUp() {
        pages = new Pages(WebSystem.get());
    }

    @Test
    void staffScheduleAScreeningAndAreToldWhenAnotherOverlapsIt() {
        pages.logInAs(WebSystem.ADMIN, WebSystem.ADMIN_PASSWORD);
        pages.open("/staff/schedule");
        WebElement start = pages.find("input[name=startsAt]");
        // Past the demo week, in the small hours: nothing else is on the screen then.
        String day = LocalDate.now().plusDays(20).toString();
        pages.script("arguments[0].value = arguments[1]", start, day + "T02:00");
        pages.find("#schedule").click();
        pages.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("form[aria-labelledby='schedule-title']"), "Screening scheduled"));

        pages.script("arguments[0].value = arguments[1]", pages.find("input[name=startsAt]"), day + "T02:30");
        pages.find("#schedule").click();
        WebElement refusal = pages.find("form[aria-labelledby='schedule-title'] .error");
        assertThat(refusal.getAttribute("role")).isEqualTo("alert");
        assertThat(refusal.getText()).startsWith("That time overlaps another screening on this screen");
    }

    @Test
    void aCustomerIsToldThatStaffPagesNeedARole() {
        pages.logInAs(WebSystem.CUSTOMER, WebSystem.CUSTOMER_PASSWORD);
        assertThat(pages.all("#nav li:not([hidden]) a"))
                .extracting(WebElement::getText)
                .doesNotContain("Catalogue", "Scheduling", "Processors");
        pages.open("/staff/schedule");
        assertThat(pages.find("main h1").getText()).isEqualTo("Not allowed");
        assertThat(pages.find("main .error").getText()).contains("needs the role ADMIN");
    }

    @Test
    void anAnalystRebuildsAProjectionWithLiveProgressAndSeesTheCharts() {
        pages.logInAs(WebSystem.ANALYST, WebSystem.ANALYST_PASSWORD);
        pages.open("/analyst/processors");
        assertThat(pages.find("main").getText()).contains("query-seat-maps", "Lag (events)");
        WebElement row = pages.all("main table tbody tr").stream()
                .filter(r -> r.getText().startsWith("film-reviews"))
                .findFirst()
                .orElseThrow();
        row.findElement(By.xpath(".//button[text()='Rebuild']")).click();
        pages.await(Duration.ofSeconds(40))
                .until(d ->
                        row.findElement(By.cssSelector("[aria-live]")).getText().startsWith("Switched"));
        assertThat(row.findElement(By.tagName("progress")).getAttribute("value"))
                .isEqualTo("100");

        pages.open("/analyst/analytics");
        pages.await().until(d -> d.findElements(By.cssSelector("svg.chart")).size() >= 1);
        assertThat(pages.find("main").getText()).contains("Occupancy by day");
        assertThat(pages.all("svg.chart rect.bar")).isNotEmpty();
    }
}
