package vn.cho40.payment;

import java.util.List;

/** What a webhook request amounts to: genuine payments (possibly none), or a refusal with its reason. */
public sealed interface Verdict {

    record Accepted(List<InboundPayment> payments) implements Verdict {
    }

    record Rejected(Reason reason, String detail) implements Verdict {
    }

    enum Reason { MISSING_SIGNATURE, BAD_SIGNATURE, STALE, MALFORMED }
}
