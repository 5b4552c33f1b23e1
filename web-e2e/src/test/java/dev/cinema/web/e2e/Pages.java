package dev.cinema.web.e2e;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the tests do with the pages, in the words of the pages. */
final class Pages {

    private final WebSystem web;
    final WebDriver browser;

    Pages(WebSystem web) {
        this.web = web;
        this.browser = web.browser;
    }

    void open(String route) {
        String target = web.app() + "#" + route;
        if (browser.getCurrentUrl().equals(target)) {
            browser.navigate().refresh(); // the same hash again would not re-render
        } else {
            // Marks the old page as gone first: a hash change re-renders asynchronously, and the
            // old page's elements must not be mistaken for the new one's.
            if (browser.getCurrentUrl().startsWith(web.app())) {
                script("document.getElementById('main').textContent = 'Loading…'");
            }
            browser.get(target);
        }
        // The app's modules load once per document; a hash change alone re-renders.
        await().until(d -> !d.findElement(By.id("main")).getText().startsWith("Loading"));
    }

    /** Logs in through the login page, as a person does (after logging out whoever was in). */
    void logInAs(String email, String password) {
        browser.get(web.app() + "#/login");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.navigate().refresh();
        WebElement form = await().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[aria-labelledby='login-title']")));
        form.findElement(By.name("email")).sendKeys(email);
        form.findElement(By.name("password")).sendKeys(password);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        await().until(ExpectedConditions.textToBe(By.id("who"), email));
        // The login page moves on to the listings; they must be drawn before anything else opens.
        await().until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "What's on"));
    }

    WebElement find(String css) {
        return await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    void choose(WebElement select, String visibleTextPart) {
        Select s = new Select(select);
        s.getOptions().stream()
                .filter(o -> o.getText().contains(visibleTextPart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No option " + visibleTextPart))
                .click();
    }

    /**
     * 45 s at most: an upper bound, not a wait (it returns as soon as the page shows what is asked).
     * In CI these tests share two cores with the other modules' tests, and a page that reads two
     * APIs once took longer than 15 s to draw its seat map there.
     */
    WebDriverWait await() {
        return await(Duration.ofSeconds(45));
    }

    WebDriverWait await(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.pollingEvery(Duration.ofMillis(100));
        // The seat map is redrawn on every change: an element found a moment ago may be gone.
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }
}
