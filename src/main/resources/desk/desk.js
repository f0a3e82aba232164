// The desk works without this file; with it, forms submit once, the queue follows the wire live,
// and the keyboard moves through it.
(function () {
  'use strict';

  // A form submits once: a double click or a second Enter does not post it twice.
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form.dataset.sent) { e.preventDefault(); return; }
    form.dataset.sent = '1';
    Array.prototype.forEach.call(form.querySelectorAll('button[type=submit]'), function (b) { b.disabled = true; });
  });

  var table = document.querySelector('table.queue');
  var body = table ? table.tBodies[0] : null;

  // A new row adds one to its status's count and to All; a held one also to the banner on top.
  var counted = function (status) {
    ['all', status].forEach(function (s) {
      var c = document.querySelector('[data-count="' + s + '"]');
      if (c) c.textContent = String(Number(c.textContent) + 1);
    });
    if (status !== 'held') return;
    var link = document.querySelector('[data-held]');
    if (!link) return;
    var held = Number(link.dataset.held) + 1;
    link.dataset.held = String(held);
    link.textContent = link.dataset.text.replace('{0}', String(held));
    link.hidden = false;
    link.parentElement.hidden = false;
  };

  // Live: the newest page asks for rows after the newest it shows, twice a second while it is visible.
  if (table && table.dataset.live === 'on') {
    var lastId = Number(table.dataset.lastId || 0);
    var filter = table.dataset.filter || '';
    var busy = false;
    var poll = function () {
      if (busy || document.hidden) return;
      busy = true;
      fetch('/desk/queue/rows?after=' + lastId + (filter ? '&' + filter : ''), { credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : ''; })
        .then(function (html) {
          if (!html.trim()) return;
          var tmp = document.createElement('tbody');
          tmp.innerHTML = html; // rows the desk rendered and escaped; no script runs from innerHTML
          var rows = Array.prototype.slice.call(tmp.rows);
          rows.forEach(function (row) {
            lastId = Math.max(lastId, Number(row.dataset.id));
            if (body.querySelector('tr[data-id="' + row.dataset.id + '"]')) return; // shown already
            row.classList.add('new');
            body.insertBefore(row, body.firstChild);
            counted(row.dataset.status);
          });
          table.dataset.lastId = String(lastId);
        })
        .catch(function () { /* the next tick tries again */ })
        .then(function () { busy = false; });
    };
    setInterval(poll, 500);
  }

  // Keys: j/k move through the queue, o or Enter opens; on a story page r, h and x act.
  var selected = -1;
  var select = function (i) {
    if (!body || !body.rows.length) return;
    if (selected >= 0 && body.rows[selected]) body.rows[selected].classList.remove('selected');
    selected = Math.max(0, Math.min(body.rows.length - 1, i));
    var row = body.rows[selected];
    row.classList.add('selected');
    row.scrollIntoView({ block: 'nearest' });
  };
  var submit = function (suffix) {
    var form = document.querySelector('form[action$="/' + suffix + '"]');
    if (form) form.requestSubmit ? form.requestSubmit() : form.submit();
  };
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(t.tagName))) return;
    if (body && (e.key === 'j' || e.key === 'k')) { select(selected + (e.key === 'j' ? 1 : -1)); e.preventDefault(); return; }
    if (body && (e.key === 'o' || e.key === 'Enter') && selected >= 0) {
      var link = body.rows[selected] && body.rows[selected].querySelector('a');
      if (link) { link.click(); e.preventDefault(); }
      return;
    }
    if (e.key === 'r') submit('publish');
    else if (e.key === 'h') submit('hold');
    else if (e.key === 'x') {
      var reason = document.querySelector('form[action$="/kill"] [name=reason]');
      if (reason) { reason.focus(); e.preventDefault(); }
    }
  });
})();
