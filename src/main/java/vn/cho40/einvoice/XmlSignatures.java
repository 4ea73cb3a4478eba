package vn.cho40.einvoice;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.XMLStructure;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignatureProperties;
import javax.xml.crypto.dsig.SignatureProperty;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLObject;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The seller's signature on an invoice, with the JDK's XML signature API: enveloped XMLDSig in
 * {@code DSCKS/NBan}, RSA-SHA256 over the {@code DLHDon} block ({@code #data}) and over a signed signing time, the
 * signing certificate embedded. Verification takes the key from that embedded certificate: it proves the file is
 * unchanged since someone holding the certificate's key signed it; whether that certificate belongs to the board is
 * what the certificate authority and the tax authority vouch for.
 */
public final class XmlSignatures {

    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private static final String SIGNING_TIME_ID = "signingTime";

    static {
        // Base64 in one piece: the JDK's default wraps values with "&#13;" line ends that only clutter the file.
        System.setProperty("com.sun.org.apache.xml.internal.security.ignoreLineBreaks", "true");
    }

    private XmlSignatures() {
    }

    /** Signs the document in place (its {@code DSCKS/NBan} receives the signature). */
    public static void sign(Document doc, PrivateKey key, X509Certificate certificate, Instant at) {
        try {
            XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
            DigestMethod sha256 = f.newDigestMethod(DigestMethod.SHA256, null);
            List<Transform> transforms = List.of(
                    f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                    f.newTransform(CanonicalizationMethod.INCLUSIVE, (TransformParameterSpec) null));
            Reference data = f.newReference("#" + InvoiceXml.DATA_ID, sha256, transforms, null, null);
            Reference time = f.newReference("#" + SIGNING_TIME_ID, sha256,
                    List.of(f.newTransform(CanonicalizationMethod.INCLUSIVE, (TransformParameterSpec) null)), null, null);
            SignedInfo signedInfo = f.newSignedInfo(
                    f.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE, (C14NMethodParameterSpec) null),
                    f.newSignatureMethod(RSA_SHA256, null), List.of(data, time));

            KeyInfoFactory kif = f.getKeyInfoFactory();
            X509Data x509 = kif.newX509Data(List.of(certificate.getSubjectX500Principal().getName(), certificate));
            KeyInfo keyInfo = kif.newKeyInfo(List.of(x509));

            Element signingTime = doc.createElementNS(null, "SigningTime");
            // Written out, the element undeclares the signature's default namespace (xmlns=""); declared here too,
            // the digest made now is the digest any verifier computes from the file.
            signingTime.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", "");
            signingTime.setTextContent(at.toString());
            SignatureProperty property = f.newSignatureProperty(
                    List.of(new DOMStructure(signingTime)), "#seller", null);
            SignatureProperties properties = f.newSignatureProperties(List.of(property), SIGNING_TIME_ID);
            XMLObject object = f.newXMLObject(List.of(properties), null, null, null);

            XMLSignature signature = f.newXMLSignature(signedInfo, keyInfo, List.of(object), "seller", null);
            Element seller = sellerSlot(doc);
            registerDataId(doc);
            signature.sign(new DOMSignContext(key, seller));
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new IllegalStateException("could not sign the invoice", e);
        }
    }

    /** What checking a signature found. */
    public record Verdict(boolean valid, X509Certificate certificate, List<String> problems) {
    }

    /** Checks the seller's signature: every reference's digest and the signature value, with the embedded key. */
    public static Verdict verify(Document doc) {
        List<String> problems = new ArrayList<>();
        NodeList signatures = doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (signatures.getLength() != 1) {
            problems.add(signatures.getLength() == 0 ? "einvoice.signature.missing" : "einvoice.signature.several");
            return new Verdict(false, null, problems);
        }
        registerDataId(doc);
        EmbeddedCertificate keys = new EmbeddedCertificate();
        try {
            DOMValidateContext context = new DOMValidateContext(keys, signatures.item(0));
            XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            boolean coversData = signature.getSignedInfo().getReferences().stream()
                    .anyMatch(r -> ("#" + InvoiceXml.DATA_ID).equals(((Reference) r).getURI()));
            if (!coversData) {
                problems.add("einvoice.signature.notCoveringData");
            }
            if (!signature.validate(context)) {
                problems.add("einvoice.signature.invalid");
            }
        } catch (MarshalException | XMLSignatureException | RuntimeException e) {
            problems.add("einvoice.signature.unreadable");
        }
        return new Verdict(problems.isEmpty(), keys.certificate, problems);
    }

    private static Element sellerSlot(Document doc) {
        NodeList slots = doc.getElementsByTagName("DSCKS");
        if (slots.getLength() != 1) {
            throw new IllegalArgumentException("the document has no DSCKS block for signatures");
        }
        for (var n = slots.item(0).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName() != null && e.getLocalName().equals("NBan")) {
                return e;
            }
        }
        throw new IllegalArgumentException("the document has no DSCKS/NBan slot for the seller's signature");
    }

    private static void registerDataId(Document doc) {
        InvoiceXml.registerDataId(doc);
    }

    /** Takes the public key from the first X.509 certificate in the signature's KeyInfo, and remembers it. */
    private static final class EmbeddedCertificate extends KeySelector {
        X509Certificate certificate;

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                                        XMLCryptoContext context) throws KeySelectorException {
            if (keyInfo != null) {
                for (XMLStructure s : keyInfo.getContent()) {
                    if (s instanceof X509Data x) {
                        for (Object o : x.getContent()) {
                            if (o instanceof X509Certificate c) {
                                certificate = c;
                                Key k = c.getPublicKey();
                                return () -> k;
                            }
                        }
                    }
                }
            }
            throw new KeySelectorException("no certificate in the signature");
        }
    }
}
