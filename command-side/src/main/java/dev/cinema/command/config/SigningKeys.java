package dev.cinema.command.config;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.cinema.platform.security.JwtProperties;
import dev.cinema.platform.security.RsaKeys;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The key pair tokens are signed with. Production configures both halves. On the development
 * configuration (H2, {@code generate-dev-key}) a fresh pair is generated at start-up instead:
 * tokens then die with the process. Elsewhere a missing key stops the start.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final RSAKey jwk;

    SigningKeys(JwtProperties properties) {
        boolean allowGeneratedKey = properties.generateDevKey();
        RSAPublicKey publicKey;
        RSAPrivateKey privateKey;
        if (properties.hasPrivateKey() && properties.hasPublicKey()) {
            publicKey = RsaKeys.publicKey(properties.publicKey());
            privateKey = RsaKeys.privateKey(properties.privateKey());
        } else if (properties.hasPrivateKey() || properties.hasPublicKey()) {
            throw new IllegalStateException(
                    "Configure both cinema.security.jwt.private-key and public-key, or neither (dev keys)");
        } else if (!allowGeneratedKey) {
            throw new IllegalStateException("No JWT signing key: set cinema.security.jwt.private-key and public-key "
                    + "(CINEMA_JWT_PRIVATE_KEY, CINEMA_JWT_PUBLIC_KEY). Generated keys are for development only: "
                    + "with several command-side instances each would sign with its own.");
        } else {
            log.warn("No JWT signing key configured: generated a throw-away key pair (development only)");
            KeyPair pair = RsaKeys.generate();
            publicKey = (RSAPublicKey) pair.getPublic();
            privateKey = (RSAPrivateKey) pair.getPrivate();
        }
        this.jwk = new RSAKey.Builder(publicKey)
                .privateKey(privateKey)
                .keyID(keyId(publicKey))
                .build();
    }

    public RSAKey signingKey() {
        return jwk;
    }

    public RSAPublicKey publicKey() {
        try {
            return jwk.toRSAPublicKey();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half only, as served at {@code /.well-known/jwks.json}. */
    public JWKSet publicJwkSet() {
        return new JWKSet(jwk.toPublicJWK());
    }

    private static String keyId(RSAPublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
