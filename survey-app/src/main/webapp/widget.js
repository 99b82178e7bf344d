/*
 * Resonance feedback widget. Put on any page of a site the survey allows:
 *   <script src="https://feedback.example.com/widget.js" data-survey="relationship-nps" async></script>
 * Optional: data-lang="de|en|fr|it|es|nl|pl" (else the page's language; a language the survey does not offer falls
 * back to the survey's default), data-position="left" (else right).
 * Identified: data-customer="<external id>" data-ts="<unix seconds>" data-sig="<hex HMAC-SHA256(widget secret,
 * customer + '.' + ts)>", written by the site's server (README, "Identified widget"). A valid signature attaches the
 * answer to that customer; the widget stays hidden for a customer surveyed within the contact limit. The survey's
 * declared hidden fields are taken from this page's URL parameters.
 * It shows the survey's first score question (NPS, CSAT, CES or rating) in a corner, with its comment
 * question if there is one, and posts the answer to the public API. Nothing is sent before "Send".
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !window.fetch) { return; }
  var base = new URL(script.src).origin;
  var slug = script.getAttribute('data-survey');
  var docLang = (script.getAttribute('data-lang') || document.documentElement.lang || navigator.language || 'en').slice(0, 2);
  var texts = {
    de: { title: 'Ihr Feedback', send: 'Senden', close: 'Schließen', thanks: 'Vielen Dank für Ihr Feedback!', pick: 'Bitte wählen Sie eine Bewertung.', failed: 'Das hat nicht geklappt. Bitte versuchen Sie es später erneut.' },
    en: { title: 'Your feedback', send: 'Send', close: 'Close', thanks: 'Thank you for your feedback!', pick: 'Please choose a score.', failed: 'That did not work. Please try again later.' },
    fr: { title: 'Votre avis', send: 'Envoyer', close: 'Fermer', thanks: 'Merci pour votre avis\u00a0!', pick: 'Veuillez choisir une note.', failed: 'Cela n\u2019a pas fonctionné. Veuillez réessayer plus tard.' },
    it: { title: 'La Sua opinione', send: 'Invia', close: 'Chiudi', thanks: 'Grazie per la Sua opinione!', pick: 'Scelga un punteggio.', failed: 'Non è andato a buon fine. Riprovi più tardi.' },
    es: { title: 'Su opinión', send: 'Enviar', close: 'Cerrar', thanks: '¡Gracias por su opinión!', pick: 'Elija una puntuación.', failed: 'No ha funcionado. Vuelva a intentarlo más tarde.' },
    nl: { title: 'Uw feedback', send: 'Versturen', close: 'Sluiten', thanks: 'Hartelijk dank voor uw feedback!', pick: 'Kies een score.', failed: 'Dat is niet gelukt. Probeer het later opnieuw.' },
    pl: { title: 'Państwa opinia', send: 'Wyślij', close: 'Zamknij', thanks: 'Dziękujemy za opinię!', pick: 'Prosimy wybrać ocenę.', failed: 'Nie udało się. Prosimy spróbować ponownie później.' }
  };
  var lang = texts[docLang] ? docLang : 'en';
  var ui = texts[lang];
  var dismissed = 'resonance-widget-' + slug;
  try { if (window.localStorage.getItem(dismissed)) { return; } } catch (e) { /* storage blocked */ }

  function text(t) { return t ? (t[lang] || t.en || t.de || '') : ''; }
  // Piping as on the public forms (Piping.java): a known value is filled in; an unknown one never shows:
  // its fallback ({answer:nps|your score}), else its parentheses or the comma before it go with it.
  function pipe(t, values) {
    var s = t, from = 0, m, re = /\{(customer\.name|event\.[a-z0-9_]{1,40}|answer:[a-z][a-z0-9_]*)(?:\|([^{}|]*))?\}/g;
    for (;;) {
      re.lastIndex = from;
      if (!(m = re.exec(s))) { return s.trim(); }
      var start = m.index, end = start + m[0].length, value = values[m[1]], by;
      if (value !== undefined && value !== null && String(value).trim() !== '') { by = String(value); }
      else if (m[2] !== undefined) { by = m[2]; }
      else {
        by = '';
        var open = s.lastIndexOf('(', start), close = s.indexOf(')', end), next = s.indexOf('(', end);
        if (open >= 0 && open > s.lastIndexOf(')', start) && close >= 0 && (next < 0 || close < next)) {
          start = open; end = close + 1;
        } else {
          var i = start;
          while (i > 0 && s.charAt(i - 1) === ' ') { i--; }
          if (i > 0 && s.charAt(i - 1) === ',') { start = i - 1; }
        }
        while (start > 0 && s.charAt(start - 1) === ' ' && (end >= s.length || ' .,;:?!)'.indexOf(s.charAt(end)) >= 0)) { start--; }
      }
      s = s.slice(0, start) + by + s.slice(end);
      from = start + by.length;
    }
  }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  var css = ':host{all:initial}' +
    '.box{box-sizing:border-box;max-height:calc(100vh - 32px);overflow:auto;position:fixed;bottom:16px;' + (script.getAttribute('data-position') === 'left' ? 'left' : 'right') + ':16px;z-index:2147483000;' +
    'width:min(360px,calc(100vw - 32px));background:#fff;color:#1b1f24;border-radius:8px;box-shadow:0 4px 20px rgba(0,0,0,.25);' +
    'font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;padding:14px 16px}' +
    'h2{font-size:16px;margin:0 28px 8px 0}fieldset{border:0;margin:0;padding:0}legend{font-weight:600;margin-bottom:8px;padding:0}' +
    '.s{display:grid;grid-template-columns:repeat(6,minmax(0,1fr));gap:4px}.s.n5{grid-template-columns:repeat(5,minmax(0,1fr))}.s.n7{grid-template-columns:repeat(7,minmax(0,1fr))}' +
    'label.o{position:relative}label.o input{position:absolute;opacity:0}label.o span{display:block;text-align:center;border:2px solid #6b7682;border-radius:6px;padding:6px 0;cursor:pointer;font-weight:600}' +
    'label.o input:checked+span{background:#0a58a8;border-color:#0a58a8;color:#fff}label.o input:focus-visible+span,button:focus-visible,textarea:focus-visible{outline:3px solid #b35c00;outline-offset:2px}' +
    '.e{display:flex;justify-content:space-between;font-size:12px;color:#4a5561;margin:4px 0 8px}' +
    'textarea{box-sizing:border-box;width:100%;font:inherit;border:2px solid #6b7682;border-radius:6px;padding:6px;margin-top:4px}' +
    'button{font:inherit;font-weight:600;border-radius:6px;cursor:pointer}.send{background:#0a58a8;color:#fff;border:2px solid #0a58a8;padding:8px 16px;margin-top:10px}' +
    '.x{position:absolute;top:8px;right:8px;border:0;background:transparent;font-size:20px;line-height:1;padding:6px 8px;color:#4a5561}' +
    '.msg{margin:8px 0 0}.err{color:#b3261e;font-weight:600}';

  var api = base + '/api/v1/surveys/' + encodeURIComponent(slug);
  var identity = null;
  if (script.getAttribute('data-customer')) {
    identity = { customer: script.getAttribute('data-customer'), ts: script.getAttribute('data-ts') || '', sig: script.getAttribute('data-sig') || '' };
  }
  var asked = identity ? '?' + ['customer', 'ts', 'sig'].map(function (k) { return k + '=' + encodeURIComponent(identity[k]); }).join('&') : '';
  function json(url) {
    return fetch(url, { headers: { 'Accept-Language': lang } }).then(function (r) { return r.ok ? r.json() : null; });
  }
  Promise.all([json(api), json(api + '/widget' + asked)])
    .then(function (got) { if (got[0] && got[1] && got[1].show) { show(got[0], got[1].hiddenFields || []); } })
    .catch(function () { /* the widget stays away when the survey is unavailable */ });

  function show(survey, declared) {
    if ((survey.languages || []).indexOf(lang) < 0) {
      // the answer's locale must be one the survey offers
      lang = survey.defaultLanguage || 'en';
      ui = texts[lang] || texts.en;
    }
    var hidden = {}, params = new URLSearchParams(window.location.search);
    declared.forEach(function (name) { if (params.get(name)) { hidden[name] = params.get(name); } });
    var questions = survey.questions || [];
    var scored = questions.filter(function (q) { return ['NPS', 'CSAT', 'CES', 'RATING'].indexOf(q.type) >= 0; })[0];
    if (!scored) { return; }
    var comment = questions.filter(function (q) {
      return (q.type === 'LONG_TEXT' || q.type === 'SHORT_TEXT') && !q.showIf;
    })[0];
    var host = el('div', { 'data-resonance-widget': slug });
    var root = host.attachShadow ? host.attachShadow({ mode: 'open' }) : host;
    if (root.adoptedStyleSheets !== undefined && window.CSSStyleSheet && CSSStyleSheet.prototype.replaceSync) {
      var sheet = new CSSStyleSheet(); sheet.replaceSync(css); root.adoptedStyleSheets = [sheet];
    } else {
      root.appendChild(el('style', {}, [css]));
    }
    var options = [];
    for (var v = scored.min; v <= scored.max; v++) {
      options.push(el('label', { 'class': 'o' }, [
        el('input', { type: 'radio', name: 'score', value: String(v), 'aria-label': String(v) + (v === scored.min && scored.minLabel ? ' (' + text(scored.minLabel) + ')' : v === scored.max && scored.maxLabel ? ' (' + text(scored.maxLabel) + ')' : '') }),
        el('span', { 'aria-hidden': 'true' }, [String(v)])
      ]));
    }
    var count = scored.max - scored.min + 1;
    var piped = {};
    var form = el('form', { novalidate: '' }, [
      el('fieldset', {}, [el('legend', {}, [pipe(text(scored.text), piped)]), el('div', { 'class': 's n' + count }, options)]),
      el('div', { 'class': 'e', 'aria-hidden': 'true' }, [el('span', {}, [text(scored.minLabel)]), el('span', {}, [text(scored.maxLabel)])])
    ]);
    var area;
    if (comment) {
      area = el('textarea', { id: 'rw-comment', rows: '3', maxlength: comment.type === 'SHORT_TEXT' ? '500' : '5000' });
      var commentLabel = el('label', { 'for': 'rw-comment' }, [pipe(text(comment.text), piped)]);
      form.appendChild(commentLabel);
      form.appendChild(area);
      // The score on the same page is known as soon as it is picked: the comment question pipes it.
      form.addEventListener('change', function (event) {
        if (event.target.name !== 'score') { return; }
        piped['answer:' + scored.id] = event.target.value;
        commentLabel.textContent = pipe(text(comment.text), piped);
      });
    }
    var status = el('p', { 'class': 'msg', role: 'status', 'aria-live': 'polite' });
    form.appendChild(el('button', { type: 'submit', 'class': 'send' }, [ui.send]));
    form.appendChild(status);
    var close = el('button', { type: 'button', 'class': 'x', 'aria-label': ui.close }, ['\u00d7']);
    var box = el('section', { 'class': 'box', role: 'dialog', 'aria-label': ui.title, lang: lang }, [
      el('h2', {}, [pipe(text(survey.title), {}) || ui.title]), close, form
    ]);
    root.appendChild(box);
    document.body.appendChild(host);
    close.addEventListener('click', function () {
      try { window.localStorage.setItem(dismissed, '1'); } catch (e) { /* ignore */ }
      host.remove();
    });
    var key = (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Date.now()) + Math.random();
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var picked = root.querySelector('input[name=score]:checked');
      if (!picked) { status.className = 'msg err'; status.textContent = ui.pick; return; }
      var answers = {};
      answers[scored.id] = parseInt(picked.value, 10);
      if (area && area.value.trim()) { answers[comment.id] = area.value.trim(); }
      var others = questions.some(function (q) { return q.required && !(q.id in answers) && !q.showIf; });
      fetch(base + '/api/v1/surveys/' + encodeURIComponent(slug) + '/responses', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, 'Accept-Language': lang },
        body: JSON.stringify({ answers: answers, channel: 'WIDGET', locale: lang, partial: others, hidden: hidden, identity: identity || undefined })
      }).then(function (r) {
        if (r.status === 201 || r.status === 200) {
          try { window.localStorage.setItem(dismissed, '1'); } catch (e) { /* ignore */ }
          form.replaceWith(el('p', { 'class': 'msg', role: 'status' }, [ui.thanks]));
        } else {
          status.className = 'msg err'; status.textContent = ui.failed;
        }
      }).catch(function () { status.className = 'msg err'; status.textContent = ui.failed; });
    });
  }
})();
