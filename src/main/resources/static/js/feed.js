// The trader's live feed: Server-Sent Events (EventSource reconnects by itself and sends Last-Event-ID, so
// nothing that arrived meanwhile is lost), big digits on screen, and the full amount spoken in Vietnamese
// ending in "đồng", never abbreviated. Amounts below the floor get a distinct warning tone first.
(function () {
  const list = document.getElementById('feed');
  if (!list || !window.EventSource) return;
  const received = list.dataset.received || 'Đã nhận';
  let voiceOn = false;
  const button = document.getElementById('voice');
  // Browsers only speak after a tap: one tap turns the voice on for the session.
  button.addEventListener('click', () => { voiceOn = true; button.hidden = true; speak('Đã bật đọc to'); });

  // Phones without a Vietnamese voice play pre-recorded words instead (/audio/vi, a few KB each, fetched
  // only then), so the amount is still heard in full.
  const CLIPS = {'không': 'khong', 'một': 'mot', 'mốt': 'mot-sac', 'hai': 'hai', 'ba': 'ba', 'bốn': 'bon',
    'tư': 'tu', 'năm': 'nam', 'lăm': 'lam', 'sáu': 'sau', 'bảy': 'bay', 'tám': 'tam', 'chín': 'chin',
    'mười': 'muoi-huyen', 'mươi': 'muoi', 'linh': 'linh', 'trăm': 'tram', 'nghìn': 'nghin', 'triệu': 'trieu',
    'tỷ': 'ty', 'đồng': 'dong', 'đã nhận': 'da-nhan'};
  const queue = [];
  let playing = false;

  function hasVietnameseVoice() {
    return !!window.speechSynthesis && window.speechSynthesis.getVoices().some((v) => /^vi/i.test(v.lang));
  }

  function clipsFor(text) {
    const words = text.toLowerCase().replace('đã nhận', 'đã_nhận').split(/\s+/);
    return words.map((w) => CLIPS[w.replace('_', ' ')]).filter(Boolean);
  }

  function playNext() {
    if (playing || queue.length === 0) return;
    playing = true;
    const audio = new Audio('/audio/vi/' + queue.shift() + '.wav');
    const done = () => { playing = false; playNext(); };
    audio.addEventListener('ended', done);
    audio.addEventListener('error', done);
    audio.play().catch(done);
  }

  // The note (what an order bought) is read only by a real voice: the pre-recorded words are numbers, and a
  // product's name would come out as stray digits.
  function speak(text, note) {
    if (!voiceOn) return;
    if (hasVietnameseVoice()) {
      const u = new SpeechSynthesisUtterance(note ? text + '. ' + note : text);
      u.lang = 'vi-VN';
      u.rate = 0.9;
      window.speechSynthesis.speak(u);
      return;
    }
    queue.push(...clipsFor(text));
    playNext();
  }

  function warningTone() {
    if (!voiceOn || !window.AudioContext) return;
    const ctx = new AudioContext();
    const osc = ctx.createOscillator();
    osc.type = 'square';
    osc.frequency.value = 440;
    osc.connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.6);
  }

  const seen = new Set();
  // The server pings every few seconds (the ping's data says how many). A mobile network can drop a connection
  // without telling either end: when pings stop for three periods, open a new stream that starts after the last
  // payment this page has shown.
  let lastId = null;
  let lastHeard = Date.now();
  let silenceMs = 60000;
  let source = connect();
  setInterval(() => {
    if (Date.now() - lastHeard > silenceMs) {
      source.close();
      lastHeard = Date.now();
      source = connect();
    }
  }, 5000);

  function connect() {
    const s = new EventSource('/trader/feed' + (lastId ? '?after=' + encodeURIComponent(lastId) : ''));
    s.addEventListener('open', () => { lastHeard = Date.now(); });
    s.addEventListener('ping', (event) => {
      lastHeard = Date.now();
      const seconds = parseInt(event.data, 10);
      if (seconds > 0) silenceMs = seconds * 3000;
    });
    s.addEventListener('payment', onPayment);
    return s;
  }

  function onPayment(event) {
    lastHeard = Date.now();
    const p = JSON.parse(event.data);
    lastId = p.id;
    if (seen.has(p.id)) return;
    seen.add(p.id);
    // The takings block refreshes itself (htmx listens for this event).
    document.body.dispatchEvent(new CustomEvent("payment"));
    document.getElementById('last-amount').textContent = p.amountText;
    document.getElementById('last-words').textContent = p.words;
    document.getElementById('last').classList.toggle('warn', p.belowFloor);
    // What the payment paid for (an order's items), shown and read after the amount; text only, never markup.
    const note = document.getElementById('last-note');
    note.textContent = p.note || '';
    note.hidden = !p.note;
    const li = document.createElement('li');
    li.dataset.id = p.id;
    li.innerHTML = '<strong></strong> <span class="muted small"></span>';
    li.querySelector('strong').textContent = p.amountText;
    li.querySelector('span').textContent = p.at + (p.note ? ' · ' + p.note : '');
    list.prepend(li);
    const empty = document.getElementById('feed-empty');
    if (empty) empty.hidden = true;
    if (p.belowFloor) warningTone();
    speak(received + ' ' + p.words.charAt(0).toLowerCase() + p.words.slice(1), p.note);
  }
})();
