package dev.cinema.command.account;

import dev.cinema.command.config.SigningKeys;
import dev.cinema.platform.openapi.ApiAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public signing key, so verifiers in other processes can fetch it (RFC 7517). */
@RestController
@Tag(name = "Accounts")
class JwksController {

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/.well-known/jwks.json")
    @ApiAnswer(status = 200, when = "The public keys", body = JsonWebKeySet.class)
    @Operation(summary = "Public key set that verifies issued tokens (public)")
    @SecurityRequirements
    Map<String, Object> jwks() {
        return keys.publicJwkSet().toJSONObject();
    }
}
