package dev.cinema.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Accessibility basics, on the rendered pages: every form control has a name, the seat map is one
 * stop in the tab order and is worked with the keyboard, and the palette's colours contrast.
 */
@ExtendWith(ScreenshotOnFailure.class)
class AccessibilityWebTest {

    WebSystem web;
    Pages pages;

    @BeforeEach
    void setUp() {
        web = WebSystem.get();
        pages = new Pages(web);
    }

    @Test
    void everyFormControlOnEveryPageHasAName() {
        pages.logInAs(WebSystem.ADMIN, WebSystem.ADMIN_PASSWORD);
        List<String> unnamed = new ArrayList<>();
        for (String route : List.of(
                "/login",
                "/",
                "/screenings/" + aScreening(),
                "/bookings",
                "/favourites",
                "/staff/catalogue",
                "/staff/schedule")) {
            pages.open(route);
            pages.await().until(d -> !d.findElements(By.cssSelector("main h1")).isEmpty());
            @SuppressWarnings("unchecked")
            List<String> found = (List<String>) pages.script("""
                    return [...document.querySelectorAll('input, select, textarea')]
                      .filter((el) => el.type !== 'hidden')
                      .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                                      && !el.getAttribute('aria-labelledby'))
                      .map((el) => el.outerHTML.slice(0, 80));""");
            found.forEach(html -> unnamed.add(route + ": " + html));
        }
        assertThat(unnamed).isEmpty();
    }

    @Test
    void seatsArePickedWithTheKeyboardAndTheMapIsOneTabStop() {
        pages.logInAs(WebSystem.CUSTOMER, WebSystem.CUSTOMER_PASSWORD);
        pages.open("/screenings/" + aScreening());
        pages.find(".seatmap[data-live='live']");
        assertThat(pages.all(".seatmap button.seat[tabindex='0']")).hasSize(1);

        // Tab from the skip link at the top: the menu, the page's links, then one seat (the map is
        // a single stop, its seats reached with the arrow keys), then the hold button.
        pages.script("document.querySelector('.skip').focus()");
        List<String> order = new ArrayList<>();
        WebElement active = null;
        for (int i = 0; i < 40; i++) {
            pages.browser.switchTo().activeElement().sendKeys(Keys.TAB);
            active = pages.browser.switchTo().activeElement();
            order.add(describe(active));
            if (active.getAttribute("data-seat") != null) {
                break;
            }
        }
        assertThat(order.get(0)).isEqualTo("a Cinema tickets");
        assertThat(order).contains("a What's on", "a My bookings", "button Log out");
        assertThat(active.getAttribute("data-seat")).as("tab order: %s", order).isNotNull();
        String first = active.getAttribute("data-seat");

        active.sendKeys(Keys.ARROW_RIGHT);
        WebElement next = pages.browser.switchTo().activeElement();
        assertThat(next.getAttribute("data-seat")).isNotEqualTo(first);
        assertThat(next.getAttribute("tabindex")).isEqualTo("0");
        String picked = next.getAttribute("data-seat");
        next.sendKeys(Keys.SPACE);
        pages.await()
                .until(d -> "true"
                        .equals(d.findElement(By.cssSelector("[data-seat='" + picked + "']"))
                                .getAttribute("aria-pressed")));
        assertThat(pages.find(".summary").getText()).contains(picked);

        pages.browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(pages.browser.switchTo().activeElement().getAttribute("id")).isEqualTo("hold");
    }

    @Test
    void thePalettesTextAndSeatColoursContrastEnough() {
        pages.logInAs(WebSystem.CUSTOMER, WebSystem.CUSTOMER_PASSWORD);
        pages.open("/screenings/" + aScreening());
        pages.find(".seatmap[data-live='live']");
        // Every state and type, drawn in the page's own CSS, on sample elements of the legend and the map.
        List<String> failures = new ArrayList<>();
        check(failures, "body text", color("body", "color"), color("body", "background-color"), 4.5);
        check(failures, "muted text", color(".rowlabel", "color"), color("body", "background-color"), 4.5);
        check(failures, "link", color("main a", "color"), color("body", "background-color"), 4.5);
        check(failures, "menu", color(".top a", "color"), color(".top", "background-color"), 4.5);
        check(
                failures,
                "taken seat",
                color(".legend .seat.taken", "color"),
                color(".legend .seat.taken", "background-color"),
                4.5);
        check(
                failures,
                "picked seat",
                color(".legend .seat.selected", "color"),
                color(".legend .seat.selected", "background-color"),
                4.5);
        check(
                failures,
                "just-taken seat",
                color(".legend .seat.just-taken", "color"),
                color(".legend .seat.just-taken", "background-color"),
                4.5);
        for (String type : List.of("standard", "premium", "couple", "wheelchair")) {
            String seat = ".seatmap .seat.free." + type;
            if (!pages.all(seat).isEmpty()) {
                check(failures, type + " seat text", color(seat, "color"), color(seat, "background-color"), 4.5);
                check(
                        failures,
                        type + " seat border",
                        color(seat, "border-top-color"),
                        color("body", "background-color"),
                        3.0);
            }
        }
        pages.script("document.querySelector('#status').textContent = 'x'");
        check(failures, "status", color("#status", "color"), color("body", "background-color"), 4.5);
        assertThat(failures).isEmpty();
    }

    private String aScreening() {
        return web.queries
                .get("/api/screenings?sort=startsAt,asc&size=1&page=3", null)
                .body()
                .get("items")
                .get(0)
                .get("id")
                .asText();
    }

    private static String describe(WebElement element) {
        return element.getTagName() + " " + element.getText().trim();
    }

    /**
     * The element's computed colour. Present is enough, visible is not needed: a wide seat map
     * scrolls sideways, and its row labels may be scrolled out of view (a screen with 22 seats in a
     * row made this test wait for a visible label in vain).
     */
    private double[] color(String css, String property) {
        return rgb(pages.await()
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)))
                .getCssValue(property));
    }

    private static final Pattern RGB = Pattern.compile("rgba?\\(([0-9.]+), ([0-9.]+), ([0-9.]+)(?:, ([0-9.]+))?\\)");

    static double[] rgb(String css) {
        Matcher m = RGB.matcher(css);
        assertThat(m.matches()).as(css).isTrue();
        assertThat(m.group(4) == null || Double.parseDouble(m.group(4)) == 1.0)
                .as("opaque colour %s", css)
                .isTrue();
        return new double[] {
            Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))
        };
    }

    /** WCAG 2.x contrast ratio of two sRGB colours. */
    static double contrast(double[] a, double[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(double[] rgb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = rgb[i] / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static void check(List<String> failures, String what, double[] fg, double[] bg, double needed) {
        double ratio = contrast(fg, bg);
        if (ratio < needed) {
            failures.add(String.format("%s: %.2f:1 < %.1f:1", what, ratio, needed));
        }
    }
}
