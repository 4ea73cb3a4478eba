/** The audit log: every write and every unmasked read of personal data, who, when, what, from where. */
package vn.cho40.audit;
