package vn.cho40.metering;

/** Where a reading came from: the cashier's phone, a file, the API, or the demo. */
enum ReadingSource { PHONE, IMPORT, API, DEMO }
