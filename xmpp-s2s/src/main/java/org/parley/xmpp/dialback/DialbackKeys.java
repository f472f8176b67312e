package org.parley.xmpp.dialback;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Dialback keys as XEP-0185 §3 recommends: {@code HMAC-SHA256(hex(SHA256(secret)), receiving ' ' originating
 * ' ' streamId)}, hex-encoded (64 characters). The same secret generates keys (originating role) and checks them
 * (authoritative role), so only this server's processes can produce a valid key. Thread-safe.
 */
public final class DialbackKeys {

    private static final HexFormat HEX = HexFormat.of();
    private final SecretKeySpec hmacKey;

    /** @param secret the server's dialback secret (see {@link DialbackSecret}); at least 16 bytes */
    public DialbackKeys(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("a dialback secret needs at least 16 bytes");
        }
        String hashedSecret = HEX.formatHex(sha256(secret));
        this.hmacKey = new SecretKeySpec(hashedSecret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256");
    }

    /** The key for a stream from {@code originating} to {@code receiving} whose id is {@code streamId}. */
    public String generate(String receiving, String originating, String streamId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey);
            byte[] digest = mac.doFinal((receiving + ' ' + originating + ' ' + streamId).getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    /** Whether {@code key} is the one this server would generate; compared in constant time. */
    public boolean verify(String receiving, String originating, String streamId, String key) {
        byte[] expected = generate(receiving, originating, streamId).getBytes(StandardCharsets.US_ASCII);
        byte[] given = key.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
