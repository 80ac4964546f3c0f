package io.walletledger.servicekit.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * API keys: {@code wl_<mode>_} + a 16-character id + a 52-character secret, lowercase base32 (double
 * click selects the whole key; 260 random bits of secret). Only the SHA-256 of the whole key is
 * stored: with that much entropy a slow hash adds nothing, and the check stays cheap per request.
 */
public final class ApiKeyFormat {

    public static final int ID_CHARS = 16;
    public static final int SECRET_CHARS = 52;
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyFormat() {
    }

    /** A newly minted key: its plaintext (shown once) and its id ({@code key_…}). */
    public record Minted(String id, String plaintext, String prefix) {
    }

    /** What a presented key claims to be, before its hash is checked. */
    public record Presented(String mode, String id) {
    }

    public static String prefix(String mode) {
        return "wl_" + mode + "_";
    }

    public static Minted mint(String mode) {
        String id = random(ID_CHARS);
        String plaintext = prefix(mode) + id + random(SECRET_CHARS);
        return new Minted("key_" + id, plaintext, prefix(mode) + id);
    }

    public static Optional<Presented> parse(String key) {
        for (String mode : new String[] {"live", "test"}) {
            String prefix = prefix(mode);
            if (key.startsWith(prefix) && key.length() == prefix.length() + ID_CHARS + SECRET_CHARS
                    && key.substring(prefix.length()).chars().allMatch(ApiKeyFormat::inAlphabet)) {
                return Optional.of(new Presented(mode, "key_" + key.substring(prefix.length(), prefix.length() + ID_CHARS)));
            }
        }
        return Optional.empty();
    }

    public static String modeOf(String key) {
        return key.startsWith(prefix("live")) ? "live" : key.startsWith(prefix("test")) ? "test" : null;
    }

    public static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String hashHex(String key) {
        return HexFormat.of().formatHex(hash(key));
    }

    /** Constant time in the length of the hashes, whatever they hold. */
    public static boolean matches(byte[] expectedHash, String presentedKey) {
        return MessageDigest.isEqual(expectedHash, hash(presentedKey));
    }

    private static boolean inAlphabet(int ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= '2' && ch <= '7');
    }

    private static String random(int chars) {
        StringBuilder out = new StringBuilder(chars);
        for (int i = 0; i < chars; i++) {
            out.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return out.toString();
    }
}
