package vn.cho40.billing;

/** What a board charges for; each charge has its revenue account in the ledger ({@code revenue:RENT}...). */
public enum Charge {
    RENT, ELECTRICITY, WATER, CLEANING, SECURITY, PARKING, OTHER
}
