package vn.cho40.market;

/** Who runs the market: the commune's market board, a company, or a cooperative. */
public enum OperatorType { BOARD, COMPANY, COOPERATIVE }
