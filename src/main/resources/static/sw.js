// Offline support for the trader app: the stall QR images and the app shell are served from the cache when
// the network is gone; everything else always goes to the network (payments must be live).
const CACHE = 'cho40-trader-v1';
const SHELL = ['/trader', '/css/app.css', '/js/app.js', '/js/feed.js', '/manifest.webmanifest', '/img/icon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).catch(() => {}));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  // Phones are shared: logging out drops the cached trader page and stall QR before the next person opens the app
  // (browsers without Clear-Site-Data, or on plain HTTP, would otherwise still show them offline). The request
  // itself goes on to the network untouched.
  if (event.request.method === 'POST' && url.pathname === '/logout') {
    event.waitUntil(caches.delete(CACHE));
    return;
  }
  const cacheable = event.request.method === 'GET'
    && (url.pathname.endsWith('/qr.png') || SHELL.includes(url.pathname));
  if (!cacheable) return;
  event.respondWith(fetch(event.request).then((response) => {
    const copy = response.clone();
    caches.open(CACHE).then((c) => c.put(event.request, copy));
    return response;
  }).catch(() => caches.match(event.request)));
});
