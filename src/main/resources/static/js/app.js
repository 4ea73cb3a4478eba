// The trader's stall QR full screen in one tap, and a service worker so it still shows without mobile data.
(function () {
  const full = document.getElementById('qr-full');
  const img = document.getElementById('qr-img');
  document.querySelectorAll('.show-qr').forEach((b) => b.addEventListener('click', () => {
    img.src = b.dataset.src;
    full.hidden = false;
  }));
  if (full) full.addEventListener('click', () => { full.hidden = true; });
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => {});
})();
