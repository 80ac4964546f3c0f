package io.walletledger.servicekit.secrets;

import jakarta.inject.Singleton;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * AES-256-GCM for secrets at rest: a random 96-bit nonce per secret, the key id stored beside the
 * ciphertext so keys can rotate, the key id bound as associated data so a ciphertext cannot be
 * replayed under another key id.
 */
@Singleton
public class SecretBox {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String activeKeyId;
    private final Map<String, SecretKeySpec> keys = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    public SecretBox(SecretsSettings settings) {
        if (settings.getActiveKeyId() == null || settings.getActiveKey() == null) {
            throw new IllegalStateException("ledger.secrets.active-key-id and ledger.secrets.active-key are required");
        }
        this.activeKeyId = settings.getActiveKeyId();
        keys.put(activeKeyId, key(activeKeyId, settings.getActiveKey()));
        settings.getPreviousKeys().forEach((id, value) -> keys.put(id, key(id, value)));
    }

    private static SecretKeySpec key(String id, String base64) {
        if (base64.isBlank()) {
            throw new IllegalStateException("LEDGER_SECRETS_KEY (ledger.secrets.active-key) is required: base64 of 32 "
                    + "random bytes, e.g. openssl rand -base64 32; only the local profile has a default");
        }
        byte[] bytes = Base64.getDecoder().decode(base64.trim());
        if (bytes.length != 32) {
            throw new IllegalStateException("secret key " + id + " must be 32 bytes (base64), was " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public record Sealed(String keyId, String ciphertext) {
    }

    public Sealed seal(byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(activeKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return new Sealed(activeKeyId, Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt secret", e);
        }
    }

    public byte[] open(Sealed sealed) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("no key " + sealed.keyId() + " to decrypt a stored secret");
        }
        byte[] all = Base64.getDecoder().decode(sealed.ciphertext());
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(sealed.keyId().getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a stored secret (wrong key or tampered)", e);
        }
    }
}
