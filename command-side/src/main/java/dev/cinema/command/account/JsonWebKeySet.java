package dev.cinema.command.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** What GET /.well-known/jwks.json answers (RFC 7517), as the API documents show it. */
@Schema(description = "A JSON Web Key Set (RFC 7517) with the public keys that verify issued tokens")
record JsonWebKeySet(List<JsonWebKey> keys) {

    /** One RSA public key. */
    @Schema(description = "An RSA public key (RFC 7517, RFC 7518)")
    record JsonWebKey(
            @Schema(description = "Key type, RSA", requiredMode = Schema.RequiredMode.REQUIRED)
            String kty,

            @Schema(description = "Key id, as in the kid header of tokens it signed")
            String kid,

            @Schema(description = "Intended use, sig") String use,
            @Schema(description = "Algorithm, RS256") String alg,

            @Schema(description = "Modulus, base64url", requiredMode = Schema.RequiredMode.REQUIRED)
            String n,

            @Schema(description = "Public exponent, base64url", requiredMode = Schema.RequiredMode.REQUIRED)
            String e) {}
}
