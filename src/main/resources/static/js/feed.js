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

  function speak(text) {
    if (!voiceOn || !window.speechSynthesis) return;
    const u = new SpeechSynthesisUtterance(text);
    u.lang = 'vi-VN';
    u.rate = 0.9;
    window.speechSynthesis.speak(u);
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
  const source = new EventSource('/trader/feed');
  source.addEventListener('payment', (event) => {
    const p = JSON.parse(event.data);
    if (seen.has(p.id)) return;
    seen.add(p.id);
    document.getElementById('last-amount').textContent = p.amountText;
    document.getElementById('last-words').textContent = p.words;
    document.getElementById('last').classList.toggle('warn', p.belowFloor);
    const li = document.createElement('li');
    li.dataset.id = p.id;
    li.innerHTML = '<strong></strong> <span class="muted small"></span>';
    li.querySelector('strong').textContent = p.amountText;
    li.querySelector('span').textContent = p.at;
    list.prepend(li);
    if (p.belowFloor) warningTone();
    speak(received + ' ' + p.words.charAt(0).toLowerCase() + p.words.slice(1));
  });
})();
