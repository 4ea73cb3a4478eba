// The teams' results over twelve months, from the numbers the page already carries (no second request).
(function () {
  'use strict';
  var el = document.getElementById('teams-chart');
  if (!el || typeof Chart === 'undefined') { return; }
  var d = el.dataset;
  // Numbers grouped as the page's language writes them (3.000 in Vietnamese), months as 04/2022.
  Chart.defaults.locale = document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN';
  function monthLabel(m) { var p = /^(\d{4})-(\d{2})$/.exec(m); return p ? p[2] + '/' + p[1] : m; }
  function numbers(s) { return s ? s.split(',').map(Number) : []; }
  var green = '#0b6b3a', amber = '#c77700';
  new Chart(el, { data: { labels: d.months.split(',').map(monthLabel), datasets: [
      { type: 'bar', label: d.labelHelped, data: numbers(d.helped), backgroundColor: '#9bc2a8', yAxisID: 'y' },
      { type: 'line', label: d.labelOnboarded, data: numbers(d.onboarded), borderColor: green, backgroundColor: green, yAxisID: 'y1' },
      { type: 'line', label: d.labelActive, data: numbers(d.active), borderColor: amber, backgroundColor: amber, yAxisID: 'y1' }] },
    options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } },
      scales: { y: { beginAtZero: true, position: 'left' }, y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } } } } });
  el.dataset.drawn = 'true';
}());
