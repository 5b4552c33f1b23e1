package dev.cinema.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.platform.testsupport.JsonHttp.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A customer in the browser: from the listings to a confirmed booking, and a live seat map. */
@ExtendWith(ScreenshotOnFailure.class)
class CustomerWebTest {

    WebSystem web;
    Pages pages;

    @BeforeEach
    void setUp() {
        web = WebSystem.get();
        pages = new Pages(web);
    }

    @Test
    void aCustomerBooksFromTheListingsPaysAndReturnsASeat() {
        pages.logInAs(WebSystem.CUSTOMER, WebSystem.CUSTOMER_PASSWORD);
        pages.open("/");
        pages.find("button.day[aria-pressed='false']").click(); // Tomorrow: the demo week starts then
        WebElement showing = pages.await()
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#screenings a.time")));
        String screeningId = showing.getAttribute("href").replaceAll(".*#/screenings/", "");
        showing.click();

        // The map is drawn from the layout: rows, aisles (gaps), seat types with their prices.
        pages.find(".seatmap[data-live='live']");
        assertThat(pages.all(".seatmap [role=row]")).hasSizeGreaterThan(3);
        assertThat(pages.all(".seatmap .gap")).isNotEmpty();
        assertThat(pages.all(".seatmap button.seat.wheelchair")).isNotEmpty();
        assertThat(pages.all(".seatmap button.seat.couple")).isNotEmpty();
        assertThat(pages.find(".legend").getText()).contains("Wheelchair", "Couple", "£");

        WebElement seat = firstFreeSeatAtARowStart();
        String label = seat.getAttribute("data-seat");
        seat.click();
        assertThat(seat(label).getAttribute("aria-pressed")).isEqualTo("true");
        pages.find("#hold").click();

        WebElement countdown = pages.find(".countdown");
        assertThat(countdown.getText()).matches("Held for you: [0-9]+:[0-9]{2} left");
        pages.await().until(d -> seat(label).getAttribute("class").contains("mine"));

        // Declined first: said in words, the seats stay held.
        pages.choose(pages.find("select[name=paymentMethod]"), "declined");
        pages.find("#pay").click();
        assertThat(pages.find(".summary .error").getText()).contains("declined").contains("still held");

        pages.choose(pages.find("select[name=paymentMethod]"), "approved");
        pages.find("#pay").click();
        assertThat(pages.find("#confirmed").getText()).isEqualTo("Booking confirmed");
        pages.find(".summary a").click();

        // The booking, as the query side shows it a moment later; then a seat returned for a refund.
        pages.await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".facts"), "Confirmed"));
        assertThat(pages.find(".facts").getText()).contains(label);
        pages.find("#refund").click();
        pages.await().until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Refunded"));
        // The page reads the booking again after the refund; the query side follows within a moment.
        pages.await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".facts"), "Refunded"));

        pages.open("/payments");
        assertThat(pages.find("table.table").getText()).contains("Captured");
        pages.open("/bookings");
        assertThat(pages.find("table.table").getText()).contains("Refunded");
        assertThat(screeningId).isNotBlank();
    }

    @Test
    void aSeatSomeoneElseHoldsTurnsTakenOnTheMapWhileTheCustomerLooks() {
        String screening = lastScreeningOfTomorrow();
        pages.logInAs(WebSystem.CUSTOMER, WebSystem.CUSTOMER_PASSWORD);
        pages.open("/screenings/" + screening);
        pages.find(".seatmap[data-live='live']");
        WebElement seat = firstFreeSeatAtARowStart();
        String picked = seat.getAttribute("data-seat");
        seat.click();
        assertThat(seat(picked).getAttribute("aria-pressed")).isEqualTo("true");

        // Another client, through the API, holds the very seat this customer picked.
        String other = registerAnotherCustomer();
        Response held =
                web.commands.post("/api/bookings", Map.of("screeningId", screening, "seats", List.of(picked)), other);
        assertThat(held.status()).as(held.raw()).isEqualTo(201);

        pages.await().until(d -> seat(picked).getAttribute("class").contains("just-taken"));
        assertThat(seat(picked).getAttribute("aria-pressed")).isEqualTo("false");
        assertThat(seat(picked).getAttribute("aria-label")).endsWith("just taken by someone else");
        assertThat(pages.find(".summary .error").getText()).contains(picked + " was just taken by someone else");
        assertThat(pages.find("#hold").isEnabled()).isFalse();
    }

    private WebElement seat(String label) {
        return web.browser.findElement(By.cssSelector(".seatmap button[data-seat='" + label + "']"));
    }

    /** A free seat first in its block (after the row's start or an aisle) with a free neighbour. */
    @SuppressWarnings("unchecked")
    private WebElement firstFreeSeatAtARowStart() {
        String label = (String) pages.script("""
                for (const row of document.querySelectorAll('.seatmap [role=row]')) {
                  const cells = [...row.querySelectorAll('[role=gridcell]')];
                  for (let i = 0; i < cells.length - 1; i++) {
                    const b = cells[i].querySelector('button.seat.free.standard');
                    const next = cells[i + 1].querySelector('button.seat.free');
                    const before = i === 0 || !cells[i - 1].querySelector('button');
                    if (b && next && before) return b.dataset.seat;
                  }
                }
                return null;""");
        assertThat(label).as("a free standard seat at a block's start").isNotNull();
        return seat(label);
    }

    private String lastScreeningOfTomorrow() {
        JsonNode page = web.queries
                .get("/api/screenings?sort=startsAt,desc&size=1", null)
                .body();
        return page.get("items").get(0).get("id").asText();
    }

    private String registerAnotherCustomer() {
        String email = "other-" + UUID.randomUUID() + "@example.org";
        Response registered = web.commands.post(
                "/api/accounts", Map.of("email", email, "password", "Other-customer-1", "displayName", "Other"), null);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        return web.token(email, "Other-customer-1");
    }

    static List<String> texts(List<WebElement> elements) {
        List<String> out = new ArrayList<>();
        elements.forEach(e -> out.add(e.getText()));
        return out;
    }
}
