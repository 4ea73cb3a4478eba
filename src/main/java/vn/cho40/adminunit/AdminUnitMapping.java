package vn.cho40.adminunit;

/** One row of the official old → new commune conversion table. */
public record AdminUnitMapping(String oldCommuneCode, String newCommuneCode, String oldDistrictCode,
                               String relation, String noteVi) {
}
