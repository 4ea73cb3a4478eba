/**
 * VietQR (NAPAS, EMVCo merchant-presented mode): the pure codec ({@link VietQr}, no Spring, no database),
 * QR images, printable stall signs, stall codes with revocation, the public verification page and
 * inspection rounds against stickers pasted over a trader's sign.
 */
package vn.cho40.vietqr;
