package net.mlcng.wireguard;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Base64;
import javax.crypto.KeyAgreement;

/**
 * A WireGuard key pair made with the JDK's X25519 (no {@code wg genkey} process per node), in
 * WireGuard's form: base64 of the raw 32-byte little-endian keys, the private one clamped as
 * {@code wg genkey} does. {@link #toString()} never shows the private key.
 */
public record WireGuardKeyPair(String privateKey, String publicKey) {
    private static final int KEY_BYTES = 32;
    /** The X25519 base point u = 9: X25519(k, 9) is the public key of k. */
    private static final BigInteger BASE_POINT = BigInteger.valueOf(9);

    public static WireGuardKeyPair generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("X25519").generateKeyPair();
            byte[] scalar = ((XECPrivateKey) pair.getPrivate()).getScalar()
                    .orElseThrow(() -> new IllegalStateException("X25519 key without scalar"));
            // Clamping changes no public key (X25519 clamps anyway) but gives wg genkey's canonical form.
            clamp(scalar);
            return new WireGuardKeyPair(encode(scalar), encode(littleEndian(((XECPublicKey) pair.getPublic()).getU())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no X25519", e);
        }
    }

    /** What {@code wg pubkey} prints for this base64 private key. */
    public static String publicKeyOf(String privateKey) {
        byte[] scalar = decode(privateKey, "private key");
        try {
            KeyFactory factory = KeyFactory.getInstance("X25519");
            PrivateKey key = factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar));
            KeyAgreement agreement = KeyAgreement.getInstance("X25519");
            agreement.init(key);
            agreement.doPhase(factory.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, BASE_POINT)), true);
            return encode(agreement.generateSecret());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("X25519 failed on a valid private key", e);
        }
    }

    /** Checks a base64 WireGuard key (32 bytes); returns it. */
    public static String requireKey(String key, String what) {
        decode(key, what);
        return key;
    }

    @Override
    public String toString() {
        return "WireGuardKeyPair[publicKey=" + publicKey + ", privateKey=(hidden)]";
    }

    private static void clamp(byte[] k) {
        k[0] &= (byte) 248;
        k[31] &= 127;
        k[31] |= 64;
    }

    /** The JDK gives u as a BigInteger; WireGuard wants its 32 bytes little-endian. */
    private static byte[] littleEndian(BigInteger u) {
        byte[] big = u.toByteArray();
        byte[] out = new byte[KEY_BYTES];
        for (int i = 0; i < KEY_BYTES && i < big.length; i++) {
            out[i] = big[big.length - 1 - i];
        }
        return out;
    }

    private static String encode(byte[] raw) {
        return Base64.getEncoder().encodeToString(raw);
    }

    private static byte[] decode(String key, String what) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("WireGuard " + what + " is not base64");
        }
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("WireGuard " + what + " has " + raw.length + " bytes, expected " + KEY_BYTES);
        }
        return raw;
    }
}
