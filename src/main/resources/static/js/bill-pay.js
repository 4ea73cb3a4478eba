// A bill's QR to the phone's bank app: the share sheet (where the browser can share files) passes the QR image to
// the app the trader picks; otherwise the image can be saved and the payment code copied for a manual transfer.
(function () {
  'use strict';
  var box = document.getElementById('bill-pay-actions');
  var img = document.getElementById('bill-qr');
  if (!box || !img) { return; }
  // Full screen for the cashier's or a customer's scanner: a tap on the code or its button, a tap to close.
  var full = document.getElementById('qr-full');
  var big = document.getElementById('qr-img');
  function showFull() { big.src = img.src; full.hidden = false; }
  if (full && big) {
    img.addEventListener('click', showFull);
    document.getElementById('bill-qr-full').addEventListener('click', showFull);
    full.addEventListener('click', function () { full.hidden = true; });
  }
  var share = document.getElementById('share-qr');
  var copy = document.getElementById('copy-code');
  // The image is already on the page as data: decode it rather than fetch it (the page's policy allows no fetch
  // of data: addresses).
  var bytes = atob(img.src.substring(img.src.indexOf(',') + 1));
  var buffer = new Uint8Array(bytes.length);
  for (var i = 0; i < bytes.length; i++) { buffer[i] = bytes.charCodeAt(i); }
  var file = new File([buffer], box.dataset.file, { type: 'image/png' });
  if (navigator.canShare && navigator.canShare({ files: [file] })) {
    share.hidden = false;
    share.addEventListener('click', function () {
      navigator.share({ files: [file] }).catch(function () { /* the trader closed the sheet */ });
    });
  }
  copy.addEventListener('click', function () {
    if (!navigator.clipboard) { return; }
    navigator.clipboard.writeText(copy.dataset.code).then(function () { copy.textContent = box.dataset.copied; });
  });
}());
