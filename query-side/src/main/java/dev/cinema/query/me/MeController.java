package dev.cinema.query.me;

import dev.cinema.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the token belongs to, as the query side understands it. */
@RestController
@Tag(name = "Me", description = "The caller's own data (token required)")
class MeController {

    @GetMapping("/api/me")
    @Operation(summary = "The caller's account id, e-mail and roles, read from the token")
    Caller me(@AuthenticationPrincipal Jwt jwt) {
        return Caller.from(jwt);
    }
}
