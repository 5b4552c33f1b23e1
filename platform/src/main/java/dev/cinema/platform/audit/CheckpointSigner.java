package dev.cinema.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Signs checkpoints of the event chain (HMAC-SHA256 with a key derived from the audit secret, kept
 * outside the database), so that the heads of the streams at a checkpoint cannot be rewritten,
 * and a stream cut short after it is noticed.
 */
public final class CheckpointSigner {

    private final byte[] key;

    public CheckpointSigner(AuditChainKey key) {
        this.key = key.checkpointKey();
    }

    /** The signature of a checkpoint's canonical text, hex. */
    public String sign(String canonical) {
        return HexFormat.of().formatHex(AuditChainKey.mac(key).doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code signature} is this signer's signature of {@code canonical} (compared in constant time). */
    public boolean verifies(String canonical, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(canonical).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }
}
