// The cashier's number pad: big keys that type into the reading field, so a wet thumb in the market never fights the
// phone's own keyboard. Without this script the field is an ordinary numeric input.
(function () {
  'use strict';
  var pad = document.getElementById('pad');
  var input = document.getElementById('value');
  if (!pad || !input) {
    return;
  }
  pad.hidden = false;
  // The pad replaces the phone's keyboard; typing on a real keyboard still works.
  input.setAttribute('inputmode', 'none');
  var confirmed = document.querySelector('input[name=confirmValue]');
  pad.addEventListener('click', function (event) {
    var key = event.target.closest('button[data-key]');
    if (!key) {
      return;
    }
    var k = key.getAttribute('data-key');
    if (k === 'clear') {
      input.value = '';
    } else if (k === 'back') {
      input.value = input.value.slice(0, -1);
    } else if (input.value.length < 9) {
      input.value = input.value === '0' ? k : input.value + k;
    }
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  // A changed value is no longer the one the cashier confirmed as an unusual jump.
  input.addEventListener('input', function () {
    if (confirmed && input.value !== confirmed.value) {
      confirmed.remove();
      confirmed = null;
      var save = document.getElementById('save');
      if (save && save.getAttribute('data-save')) {
        save.textContent = save.getAttribute('data-save');
      }
    }
  });
})();
