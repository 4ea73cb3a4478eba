package vn.cho40.payment;

import java.time.Instant;

/**
 * One transfer as any provider reports it, in the platform's terms. Amounts are whole đồng; the two dedupe
 * keys are (provider, providerTxnId) and (receivingAccount, bankReference, direction). {@code receivingBin} is the
 * bank of the receiving account when the provider names it (null otherwise): an account is a bank and a number.
 */
public record InboundPayment(Provider provider, String providerTxnId, String bankReference, long amountVnd,
                             Direction direction, Instant bookedAt, String receivingAccount, String virtualAccount,
                             String transferText, String payerName, String payerAccount, String payerBankId,
                             String ourReference, Long runningBalanceVnd, String receivingBin) {

    /** A transfer whose receiving bank the provider does not name. */
    public InboundPayment(Provider provider, String providerTxnId, String bankReference, long amountVnd,
                          Direction direction, Instant bookedAt, String receivingAccount, String virtualAccount,
                          String transferText, String payerName, String payerAccount, String payerBankId,
                          String ourReference, Long runningBalanceVnd) {
        this(provider, providerTxnId, bankReference, amountVnd, direction, bookedAt, receivingAccount, virtualAccount,
                transferText, payerName, payerAccount, payerBankId, ourReference, runningBalanceVnd, null);
    }

    public enum Provider { PAYOS, SEPAY, CASSO, CASSO_V2, DIRECT, STATEMENT }

    /** Money in is a payment; money out is recorded but never announced as one. */
    public enum Direction { CREDIT, DEBIT }
}
