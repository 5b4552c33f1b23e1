package dev.cinema.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit secret and the two keys derived from it: one for the links of the event chain, one for
 * the signatures of checkpoints. Derived with HMAC-SHA256 over a label, so that neither kind of
 * value can ever be passed off as the other. The secret comes from configuration, never from the
 * database: whoever can edit the event table cannot recompute a valid chain.
 */
public final class AuditChainKey {

    static final String ALGORITHM = "HmacSHA256";
    private static final int MINIMUM_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(AuditChainKey.class);

    private final byte[] linkKey;
    private final byte[] checkpointKey;

    private AuditChainKey(byte[] secret) {
        this.linkKey = hmac(secret, "cinema-audit-link-v1".getBytes(StandardCharsets.UTF_8));
        this.checkpointKey = hmac(secret, "cinema-audit-checkpoint-v1".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The configured secret; in development (and only when allowed) a throw-away one. Anything else
     * stops the start: a chain written with a key nobody keeps can never be verified.
     */
    public static AuditChainKey from(AuditChainProperties properties) {
        if (properties.hasKey()) {
            byte[] secret;
            try {
                secret = Base64.getDecoder().decode(properties.key().trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("cinema.audit.chain.key (CINEMA_AUDIT_CHAIN_KEY) is not Base64", e);
            }
            if (secret.length < MINIMUM_BYTES) {
                throw new IllegalStateException("cinema.audit.chain.key (CINEMA_AUDIT_CHAIN_KEY) must be at least "
                        + MINIMUM_BYTES + " bytes, Base64-encoded (e.g. openssl rand -base64 32)");
            }
            return new AuditChainKey(secret);
        }
        if (!properties.generateDevKey()) {
            throw new IllegalStateException("No audit chain key: set cinema.audit.chain.key (CINEMA_AUDIT_CHAIN_KEY,"
                    + " Base64 of 32 random bytes, e.g. openssl rand -base64 32) to the same value in both apps."
                    + " Generated keys are for development only: the events' hash chain could never be verified"
                    + " by another process.");
        }
        log.warn("No audit chain key configured: generated a throw-away one (development only)");
        return new AuditChainKey(generate());
    }

    /** A fresh random secret, Base64: for development runs that start both apps themselves. */
    public static String generateBase64() {
        return Base64.getEncoder().encodeToString(generate());
    }

    byte[] linkKey() {
        return linkKey.clone();
    }

    byte[] checkpointKey() {
        return checkpointKey.clone();
    }

    private static byte[] generate() {
        byte[] secret = new byte[MINIMUM_BYTES];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    static byte[] hmac(byte[] key, byte[] data) {
        return mac(key).doFinal(data);
    }

    static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
