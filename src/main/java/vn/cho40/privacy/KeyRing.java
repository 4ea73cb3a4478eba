package vn.cho40.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The data-encryption keys, newest first: {@code "k2:BASE64,k1:BASE64"}. New values are encrypted with the
 * first key; older keys stay to read what they encrypted until {@code ./cho40 rotate-keys} rewrites it.
 */
public final class KeyRing {

    private final String currentId;
    private final Map<String, SecretKey> keys;

    private KeyRing(String currentId, Map<String, SecretKey> keys) {
        this.currentId = currentId;
        this.keys = Map.copyOf(keys);
    }

    public static KeyRing parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("CHO40_DATA_KEYS is empty: set it to id:base64-of-32-random-bytes "
                    + "(khóa mã hóa dữ liệu cá nhân chưa được cấu hình)");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String first = null;
        for (String entry : spec.split(",")) {
            String[] parts = entry.strip().split(":", 2);
            if (parts.length != 2 || !parts[0].matches("[A-Za-z0-9]{1,16}")) {
                throw new IllegalArgumentException("CHO40_DATA_KEYS entries look like k1:BASE64 (got '"
                        + parts[0] + "')");
            }
            byte[] raw = Base64.getDecoder().decode(parts[1].strip());
            if (raw.length != 32) {
                throw new IllegalArgumentException("key " + parts[0] + " must be 32 bytes (AES-256), is " + raw.length);
            }
            keys.put(parts[0], new SecretKeySpec(raw, "AES"));
            first = first == null ? parts[0] : first;
        }
        return new KeyRing(first, keys);
    }

    String currentId() {
        return currentId;
    }

    SecretKey current() {
        return keys.get(currentId);
    }

    SecretKey byId(String id) {
        SecretKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("value encrypted with key '" + id + "', which is not in CHO40_DATA_KEYS");
        }
        return key;
    }

    static byte[] idBytes(String id) {
        return id.getBytes(StandardCharsets.US_ASCII);
    }
}
