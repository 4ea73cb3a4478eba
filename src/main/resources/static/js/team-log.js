// The tech team's phone log: every entry goes to this phone's queue (IndexedDB) first, then to the server when there
// is a connection. Each entry carries its own id (clientId), and the server stores an id once: sending again after a
// lost answer, or from two tabs, never counts a person twice. What is still waiting is listed above the form.
(function () {
  'use strict';
  const form = document.getElementById('log-form');
  if (!form || !('indexedDB' in window)) return;
  const api = form.dataset.api;
  const token = form.querySelector('input[name="_csrf"]');
  const queueBox = document.getElementById('queue');
  const waitingList = document.getElementById('waiting');
  const waitingCount = document.getElementById('waiting-count');
  const sentNote = document.getElementById('sent-note');
  const myHelped = document.getElementById('my-helped');
  let flushing = false;

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/team-log/sw.js', { scope: '/team-log' }).catch(() => {});
  }

  function open() {
    return new Promise((resolve, reject) => {
      const req = indexedDB.open('cho40-team-log', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('entries', { keyPath: 'clientId' });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }

  function store(mode, fn) {
    return open().then((db) => new Promise((resolve, reject) => {
      const tx = db.transaction('entries', mode);
      const result = fn(tx.objectStore('entries'));
      tx.oncomplete = () => resolve(result && 'result' in result ? result.result : undefined);
      tx.onerror = () => reject(tx.error);
    }));
  }

  const all = () => store('readonly', (s) => s.getAll());
  const put = (e) => store('readwrite', (s) => s.put(e));
  const remove = (id) => store('readwrite', (s) => s.delete(id));

  function newId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  // The form's time is Vietnam's wall clock (UTC+7, no daylight saving), whatever zone the phone is set to.
  function vietnamTime(local) {
    const withSeconds = local.length === 16 ? local + ':00' : local;
    return new Date(withSeconds + '+07:00').toISOString();
  }

  function render() {
    return all().then((entries) => {
      waitingList.textContent = '';
      entries.forEach((e) => {
        const li = document.createElement('li');
        li.className = 'waiting-entry';
        const kind = form.querySelector('select[name="kind"] option[value="' + e.kind + '"]');
        li.textContent = (kind ? kind.textContent : e.kind) + ' · ' + (e.residentName || e.traderName || '')
          + ' · ' + e.doneAtLocal + (e.refused ? ' · ' + form.dataset.msgRefused + ': ' + e.refused : '');
        waitingList.appendChild(li);
      });
      waitingCount.textContent = String(entries.length);
      queueBox.hidden = entries.length === 0;
    });
  }

  function toJson(e) {
    const body = Object.assign({}, e);
    delete body.doneAtLocal; delete body.refused; delete body.traderName;
    return JSON.stringify(body);
  }

  async function flush() {
    if (flushing || !navigator.onLine) return;
    flushing = true;
    try {
      for (const e of await all()) {
        if (e.refused) continue;
        let response;
        try {
          response = await fetch(api, { method: 'POST', credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'Accept': 'application/json',
              'X-CSRF-TOKEN': token ? token.value : '' }, body: toJson(e) });
        } catch (offline) {
          break; // no connection: try again when it returns
        }
        if (response.status === 201 || response.status === 200) {
          const saved = await response.json();
          await remove(e.clientId);
          if (saved.created && myHelped) myHelped.textContent = String(Number(myHelped.textContent || 0) + 1);
          sentNote.hidden = false;
        } else if (response.status === 422) {
          const problem = await response.json().catch(() => ({}));
          e.refused = problem.detail || String(response.status);
          await put(e);
        } else {
          break; // logged out, server busy: keep it and try later
        }
      }
    } finally {
      flushing = false;
      await render();
    }
  }

  function readPhoto(input) {
    const file = input.files && input.files[0];
    if (!file) return Promise.resolve(null);
    return new Promise((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve({ data: reader.result, type: file.type });
      reader.onerror = () => resolve(null);
      reader.readAsDataURL(file);
    });
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = new FormData(form);
    const local = f.get('doneAt');
    const photo = await readPhoto(form.querySelector('input[name="photo"]'));
    const entry = {
      clientId: f.get('clientId') || newId(),
      kind: f.get('kind'), appName: f.get('appName') || null,
      traderId: f.get('traderId') || null,
      traderName: traderSelect && traderSelect.value ? traderSelect.options[traderSelect.selectedIndex].text : null,
      residentName: f.get('residentName') || null,
      residentPhone: f.get('residentPhone') || null, residentConsent: f.get('residentConsent') === 'on',
      marketCode: f.get('marketCode') || null, village: f.get('village') || null,
      doneAt: local ? vietnamTime(local) : null, doneAtLocal: local,
      minutes: Number(f.get('minutes')), notes: f.get('notes') || null,
      photoBase64: photo ? photo.data : null, photoType: photo ? photo.type : null
    };
    await put(entry);
    form.querySelector('input[name="clientId"]').value = newId();
    ['residentName', 'residentPhone', 'notes', 'appName', 'photo'].forEach((n) => {
      const i = form.querySelector('[name="' + n + '"]'); if (i) i.value = '';
    });
    const consent = form.querySelector('input[name="residentConsent"]'); if (consent) consent.checked = false;
    if (traderSelect) traderSelect.selectedIndex = 0;
    sentNote.hidden = true;
    await render();
    flush();
  });

  // The trader picker: the traders of the chosen market (of the team's commune), when there is a connection.
  const marketSelect = form.querySelector('select[name="marketCode"]');
  const traderSelect = form.querySelector('select[name="traderId"]');
  // A market has hundreds of traders and the list holds the first few: the search narrows it by name or phone.
  const traderSearch = document.getElementById('trader-search');
  function loadTraders() {
    if (!marketSelect || !traderSelect || !marketSelect.value || !navigator.onLine) return;
    const q = traderSearch && traderSearch.value.trim() ? '&q=' + encodeURIComponent(traderSearch.value.trim()) : '';
    fetch(form.dataset.traders + '?market=' + encodeURIComponent(marketSelect.value) + q, { credentials: 'same-origin',
      headers: { 'Accept': 'application/json' } })
      .then((r) => (r.ok ? r.json() : []))
      .then((list) => {
        while (traderSelect.options.length > 1) traderSelect.remove(1);
        list.forEach((t) => traderSelect.add(new Option(t.name + ' ' + t.phoneMasked, t.id)));
      }).catch(() => {});
  }
  if (marketSelect) marketSelect.addEventListener('change', loadTraders);
  let searchTimer;
  if (traderSearch) {
    traderSearch.addEventListener('input', () => { clearTimeout(searchTimer); searchTimer = setTimeout(loadTraders, 300); });
  }
  loadTraders();

  // A page served from the worker's cache carries an id an earlier entry may have used: every page gets its own.
  form.querySelector('input[name="clientId"]').value = newId();
  window.addEventListener('online', flush);
  setInterval(flush, 15000);
  render().then(flush);
})();
