package vn.cho40.payroll;

import java.util.Map;

/**
 * A staff member as typed on the form or sent to the API: text fields, checked by {@link StaffRegister}. Dates are
 * dd/MM/yyyy (or yyyy-MM-dd); amounts as Money.parse reads them; the coefficient as "2,34" or "2.34"; allowances
 * by kind code (POSITION, LUNCH, ...).
 */
public record StaffForm(String fullName, String idNumber, String phone, String bank, String accountNumber,
                        String holderName, String holderReason, String position, String contractKind,
                        String coefficient, String salary, String dependants, String startOn, String endOn,
                        Map<String, String> allowances) {

    public StaffForm {
        allowances = allowances == null ? Map.of() : Map.copyOf(allowances);
    }
}
