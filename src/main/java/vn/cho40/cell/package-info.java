/**
 * Province cells: which provinces this server's database holds ({@code cho40.cell.provinces}) and where the other
 * cells' databases are ({@code cho40.cells.<province>}). {@link vn.cho40.cell.CellMap} is the parsed configuration
 * (pure), {@link vn.cho40.cell.CellDatabases} the small pools to the other cells (webhook routing only),
 * {@link vn.cho40.cell.CellGuard} keeps a province's rows in its own cell, {@link vn.cho40.cell.CellCheck} finds rows
 * that are not. Depends on platform (database URLs and pools, refusing to start) and shared; market, payment, demo
 * and cli depend on it.
 */
package vn.cho40.cell;
