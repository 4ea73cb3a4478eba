// Draws the rollout dashboard's charts from /rollout/series.json (a few hundred bytes), with Chart.js.
(function () {
  'use strict';
  var box = document.querySelector('[data-series]');
  if (!box || typeof Chart === 'undefined') { return; }
  // Numbers grouped as the page's language writes them (3.000 in Vietnamese), months as 04/2022.
  Chart.defaults.locale = document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN';
  function monthLabel(m) { var p = /^(\d{4})-(\d{2})$/.exec(m); return p ? p[2] + '/' + p[1] : m; }
  var labels = document.getElementById('chart-labels').dataset;
  var green = '#0b6b3a', amber = '#c77700', blue = '#1f5fa8';
  function line(id, months, sets) {
    var el = document.getElementById(id);
    if (!el) { return; }
    new Chart(el, { type: 'line', data: { labels: months, datasets: sets },
      options: { animation: false, responsive: true, maintainAspectRatio: false, interaction: { mode: 'index', intersect: false },
        plugins: { legend: { position: 'bottom' } }, scales: { y: { beginAtZero: true } } } });
  }
  fetch(box.dataset.series, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
    .then(function (d) {
      d.months = (d.months || []).map(monthLabel);
      line('chart-markets', d.months, [{ label: labels.live, data: d.marketsLive, borderColor: green, backgroundColor: green }]);
      line('chart-traders', d.months, [
        { label: labels.traders, data: d.traders, borderColor: '#888', backgroundColor: '#888' },
        { label: labels.qr, data: d.withQr, borderColor: green, backgroundColor: green },
        { label: labels.active, data: d.active, borderColor: amber, backgroundColor: amber }]);
      var pay = document.getElementById('chart-payments');
      if (pay) {
        new Chart(pay, { data: { labels: d.months, datasets: [
            { type: 'bar', label: labels.count, data: d.count, backgroundColor: green, yAxisID: 'y' },
            { type: 'line', label: labels.value, data: d.valueMillions, borderColor: blue, backgroundColor: blue, yAxisID: 'y1' }] },
          options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } },
            scales: { y: { beginAtZero: true, position: 'left' }, y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } } } } });
      }
      var rank = document.getElementById('chart-ranking');
      if (rank && d.rankLabels.length) {
        new Chart(rank, { type: 'bar', data: { labels: d.rankLabels,
            datasets: [{ label: labels.value, data: d.rankValueMillions, backgroundColor: green }] },
          options: { indexAxis: 'y', animation: false, responsive: true, maintainAspectRatio: false,
            plugins: { legend: { display: false } } } });
      }
      var teams = document.getElementById('chart-teams');
      var u = d.units || {};
      if (teams && u['teams.helped']) {
        new Chart(teams, { data: { labels: d.months, datasets: [
            { type: 'bar', label: labels.helped, data: u['teams.helped'], backgroundColor: '#9bc2a8', yAxisID: 'y' },
            { type: 'line', label: labels.onboarded, data: u['teams.onboarded'], borderColor: green, backgroundColor: green, yAxisID: 'y1' },
            { type: 'line', label: labels.becameActive, data: u['teams.active'], borderColor: amber, backgroundColor: amber, yAxisID: 'y1' }] },
          options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } },
            scales: { y: { beginAtZero: true, position: 'left' }, y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } } } } });
      } else if (teams) {
        teams.closest('figure').hidden = true;
      }
      box.dataset.drawn = 'true';
    })
    .catch(function () { box.dataset.drawn = 'failed'; });
}());
