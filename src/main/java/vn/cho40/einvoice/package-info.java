/**
 * Electronic invoices and receipts (hóa đơn điện tử, biên lai điện tử) for what market boards charge: the document
 * in the tax authority's XML structure (Decision 1450/QĐ-TCT, format 2.1.0), signed by the board with XMLDSig
 * (RSA-SHA256, enveloped, certificate embedded) and checked again by anyone holding the file. The XML, the
 * signature and the checks are plain Java, free of Spring; numbering, storage, the public lookup and the licensed
 * providers' adapters come with the fees they document.
 */
package vn.cho40.einvoice;
