// The tech team's log page opens without a connection: its page, script and style come from this cache when the
// network is gone. Entries themselves wait in the page's IndexedDB queue (team-log.js), never in this worker.
const CACHE = 'cho40-team-log-v1';
const SHELL = ['/team-log', '/js/team-log.js', '/css/app.css', '/webjars/htmx.org/2.0.10/dist/htmx.min.js'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).catch(() => {}));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || !SHELL.includes(url.pathname)) return;
  event.respondWith(fetch(event.request).then((response) => {
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((c) => c.put(event.request, copy));
    }
    return response;
  }).catch(() => caches.match(event.request)));
});
