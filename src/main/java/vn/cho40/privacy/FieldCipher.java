package vn.cho40.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for one personal field, and an HMAC-SHA256 "blind index" to find a row by its value without
 * decrypting. Stored form: key-id length, key id, 12-byte nonce, ciphertext with tag. The column name
 * is bound as associated data, so a CCCD cannot be pasted into the phone column and still decrypt.
 */
public final class FieldCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final KeyRing keys;
    private final byte[] indexKey;
    private final SecureRandom random = new SecureRandom();
    /**
     * Ciphers and keyed hashes are reused, not looked up for each value (the lookup was a twentieth of a
     * webhook's CPU). Pooled rather than per thread: requests run on virtual threads, one new thread each, so
     * a per-thread copy would be built for every request. Neither object may be used by two threads at once.
     */
    private final Queue<Cipher> ciphers = new ConcurrentLinkedQueue<>();
    private final Queue<Mac> indexMacs = new ConcurrentLinkedQueue<>();

    public FieldCipher(KeyRing keys, byte[] indexKey) {
        if (indexKey.length < 32) {
            throw new IllegalArgumentException("the lookup-hash key needs at least 32 bytes");
        }
        this.keys = keys;
        this.indexKey = indexKey.clone();
    }

    public byte[] encrypt(String field, String plaintext) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = cipher();
            byte[] sealed;
            try {
                cipher.init(Cipher.ENCRYPT_MODE, keys.current(), new GCMParameterSpec(TAG_BITS, nonce));
                cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
                sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            } finally {
                ciphers.offer(cipher);
            }
            byte[] id = KeyRing.idBytes(keys.currentId());
            return ByteBuffer.allocate(1 + id.length + NONCE_BYTES + sealed.length)
                    .put((byte) id.length).put(id).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String field, byte[] stored) {
        try {
            ByteBuffer in = ByteBuffer.wrap(stored);
            byte[] id = new byte[in.get()];
            in.get(id);
            byte[] nonce = new byte[NONCE_BYTES];
            in.get(nonce);
            byte[] sealed = new byte[in.remaining()];
            in.get(sealed);
            Cipher cipher = cipher();
            try {
                cipher.init(Cipher.DECRYPT_MODE, keys.byId(new String(id, StandardCharsets.US_ASCII)),
                        new GCMParameterSpec(TAG_BITS, nonce));
                cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
                return new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
            } finally {
                ciphers.offer(cipher); // init resets it, whatever this value did to it
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("cannot decrypt " + field + " (wrong key or tampered value)", e);
        }
    }

    /** True when the value was written with an older key and should be re-encrypted. */
    public boolean needsRotation(byte[] stored) {
        byte[] id = new byte[stored[0]];
        System.arraycopy(stored, 1, id, 0, id.length);
        return !new String(id, StandardCharsets.US_ASCII).equals(keys.currentId());
    }

    /** The keyed hash used to look a value up; the same input always gives the same bytes. */
    public byte[] index(String field, String normalizedValue) {
        Mac mac = indexMac();
        try {
            mac.update(field.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(normalizedValue.getBytes(StandardCharsets.UTF_8));
        } finally {
            mac.reset(); // a no-op after doFinal; clears a half-fed value if anything threw
            indexMacs.offer(mac);
        }
    }

    private Cipher cipher() throws GeneralSecurityException {
        Cipher pooled = ciphers.poll();
        return pooled != null ? pooled : Cipher.getInstance("AES/GCM/NoPadding");
    }

    private Mac indexMac() {
        Mac pooled = indexMacs.poll();
        return pooled != null ? pooled : newIndexMac();
    }

    private Mac newIndexMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(indexKey, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
