/* Resonance public forms: optional improvements; every page works without this script. */
(function () {
  'use strict';
  var form = document.querySelector('main form');
  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }
  if (!form) { return; }

  // Skip logic on the same page: show a question only while the answer it depends on matches.
  var conditional = Array.prototype.slice.call(form.querySelectorAll('[data-show-if]'));
  function chosen(name) {
    return Array.prototype.slice.call(form.querySelectorAll('input[name="' + name + '"]:checked'))
      .map(function (i) { return i.value; });
  }
  function matches(el) {
    var values = el.getAttribute('data-values') ? el.getAttribute('data-values').split(',') : [];
    var picked = chosen(el.getAttribute('data-show-if'));
    switch (el.getAttribute('data-op')) {
      case 'ANSWERED': return picked.length > 0;
      case 'ANY_OF': return picked.some(function (v) { return values.indexOf(v) >= 0; });
      case 'NONE_OF': return picked.length > 0 && picked.every(function (v) { return values.indexOf(v) < 0; });
      case 'BETWEEN': return picked.some(function (v) { return +v >= +values[0] && +v <= +values[1]; });
    }
    return true;
  }
  function update() { conditional.forEach(function (el) { el.hidden = !matches(el); }); }
  if (conditional.length) { form.addEventListener('change', update); update(); }

  // One-click score from an email: the click opened this page; the script (never a mail scanner) records it.
  var url = form.getAttribute('data-oneclick');
  if (url && window.fetch) {
    var body = new URLSearchParams();
    body.append('score', form.getAttribute('data-score'));
    body.append('lang', document.documentElement.lang);
    fetch(url, { method: 'POST', body: body, credentials: 'same-origin' }).then(function (r) {
      if (r.status === 204) {
        var notice = document.querySelector('.notice');
        if (notice) { notice.hidden = true; }
        document.getElementById('oneclick-status').textContent = form.getAttribute('data-saved');
      }
    });
  }
})();
