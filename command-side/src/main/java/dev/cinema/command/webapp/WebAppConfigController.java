package dev.cinema.command.webapp;

import dev.cinema.command.webapp.WebAppConfiguration.WebAppSettings;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the browser app where the query API is. Part of the pages, not of the API: public and left
 * out of the OpenAPI document.
 */
@Hidden
@RestController
class WebAppConfigController {

    /** {@code queryApi}: the query side's base URL; the command API is the pages' own origin. */
    record WebAppConfig(String queryApi) {}

    private final WebAppSettings settings;

    WebAppConfigController(WebAppSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/app/config.json")
    ResponseEntity<WebAppConfig> config() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new WebAppConfig(settings.queryApi()));
    }
}
