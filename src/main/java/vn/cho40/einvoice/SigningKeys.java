package vn.cho40.einvoice;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A board's signing key and certificate, from a PKCS#12 key store (a real one comes from a licensed certificate
 * authority; its path and password come from the environment, never the repository). For the demo and for trying
 * the platform out, a self-signed certificate made here.
 */
public record SigningKeys(PrivateKey privateKey, X509Certificate certificate) {

    /** The first key entry of a PKCS#12 store. */
    public static SigningKeys load(Path store, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, password);
        }
        for (String alias : Collections.list(ks.aliases())) {
            if (ks.isKeyEntry(alias)) {
                return new SigningKeys((PrivateKey) ks.getKey(alias, password), (X509Certificate) ks.getCertificate(alias));
            }
        }
        throw new GeneralSecurityException("the key store holds no private key");
    }

    /** Whether the certificate is valid at that instant (not before its start, not after its end). */
    public boolean validAt(Instant at) {
        return !at.isBefore(certificate.getNotBefore().toInstant()) && !at.isAfter(certificate.getNotAfter().toInstant());
    }

    /** A new RSA-2048 key and a self-signed certificate for the organisation named, with its tax code. */
    public static SigningKeys selfSigned(String organisation, String taxCode, Instant from, Duration validity) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, new SecureRandom());
            KeyPair pair = g.generateKeyPair();
            X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, organisation)
                    .addRDN(BCStyle.C, "VN");
            if (taxCode != null && !taxCode.isBlank()) {
                // Vietnamese signing certificates carry the tax code in the UID attribute ("MST:...").
                name.addRDN(BCStyle.UID, "MST:" + taxCode);
            }
            X500Name subject = name.build();
            var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
                    Date.from(from), Date.from(from.plus(validity)), subject, pair.getPublic());
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new SigningKeys(pair.getPrivate(), cert);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("could not make a certificate", e);
        }
    }

    /** Writes these keys as a PKCS#12 store. */
    public void save(OutputStream out, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("signing", privateKey, password, new Certificate[] {certificate});
        ks.store(out, password);
    }
}
