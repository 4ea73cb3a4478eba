package vn.cho40.einvoice;

/**
 * Port: a licensed provider that takes a signed document on to the tax authority (Viettel SInvoice, MISA
 * meInvoice). Each send carries the document's own id as the idempotency key (Viettel's {@code transactionUuid},
 * MISA's {@code RefID}): sending again after a timeout, a 5xx or a crash never issues twice, because the adapter asks
 * the provider for what it already holds under that key before giving up. Plain Java: adapters talk HTTP, no Spring.
 */
interface EInvoiceProvider {

    /** The mode a board sets to use this provider ({@code VIETTEL}, {@code MISA}). */
    String mode();

    /** Sends the document; answers what the provider recorded, or throws saying why not. */
    Sent send(OutgoingDocument document, Account account) throws ProviderException;

    /**
     * What the tax authority answered about a document the provider holds under this key, as far as the provider
     * knows yet: its code (MCCQT), its refusal with the authority's reason, or nothing yet.
     */
    Verdict verdict(java.util.UUID key, Account account) throws ProviderException;

    /** The authority's answer: accepted with its code, refused with its reason, or (both null) not yet. */
    record Verdict(String authorityCode, String refusal) {
        static final Verdict PENDING = new Verdict(null, null);

        static Verdict accepted(String code) {
            return new Verdict(code, null);
        }

        static Verdict refused(String reason) {
            return new Verdict(null, reason);
        }
    }

    /** A board's account with the provider; the secret is read from the environment when sending, never stored. */
    record Account(String baseUrl, String username, String secret, String sellerTaxCode, String appId,
                   String template) {
        @Override
        public String toString() {
            return "Account[" + baseUrl + ", " + username + ", secret hidden]";
        }
    }

    /** What the provider recorded: its own reference (reservation code, transaction id) and number. */
    record Sent(String reference, String number) {
    }

    /** Why a send failed: the login refused, the document refused, or the provider not reached (try again). */
    enum Failure { AUTH, REFUSED, UNAVAILABLE }

    final class ProviderException extends Exception {
        private final Failure failure;

        ProviderException(Failure failure, String message) {
            super(message);
            this.failure = failure;
        }

        Failure failure() {
            return failure;
        }
    }
}
