// A "Print" button on documents handed over on paper (a cash receipt). A script, not an onclick attribute: the
// Content-Security-Policy allows no inline script. Without script the browser's own print menu still works.
(() => {
  document.querySelectorAll('button.print').forEach(b => {
    b.hidden = false;
    b.addEventListener('click', () => window.print());
  });
})();
