// A staff menu of a dozen links filled a phone's first screen before the page began. Past a few links it folds behind
// the "Menu" button on narrow screens (app.css decides the width); the button carries the sum of the links' counts of
// waiting work, so nothing waiting is hidden. Without this script every link stays in view.
(() => {
  const header = document.querySelector('header.top');
  const button = header && header.querySelector('.menu-toggle');
  const entries = header ? header.querySelectorAll('nav a.entry') : [];
  if (!button || entries.length <= 4) {
    return;
  }
  let waiting = 0;
  header.querySelectorAll('nav a.entry .count').forEach(c => { waiting += parseInt(c.textContent, 10) || 0; });
  if (waiting > 0) {
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = String(waiting);
    button.append(count);
  }
  header.classList.add('folds');
  button.hidden = false;
  button.addEventListener('click', () => {
    button.setAttribute('aria-expanded', String(header.classList.toggle('open')));
  });
})();
