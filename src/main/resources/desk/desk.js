// The desk works without this file; with it, forms submit once and the queue follows the wire live.
(function () {
  'use strict';
  // A form submits once: a double click or a second Enter does not post it twice.
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form.dataset.sent) { e.preventDefault(); return; }
    form.dataset.sent = '1';
    Array.prototype.forEach.call(form.querySelectorAll('button[type=submit]'), function (b) { b.disabled = true; });
  });
})();
