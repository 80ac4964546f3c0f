// Live refresh of the merchant dashboard: every 3 s the panel is fetched again from the server,
// which renders it exactly as on first load, and swapped in place. No framework, no inline script
// (the Content-Security-Policy forbids it): the panel URL comes from a data attribute.
(function () {
  'use strict';

  var INTERVAL_MS = 3000;
  var container = document.getElementById('dashboard-panel');
  var marker = document.getElementById('refresh-status');
  if (!container || !container.dataset.panelUrl) {
    return;
  }

  function mark(text, stale) {
    if (marker) {
      marker.textContent = text;
      marker.classList.toggle('stale', stale);
    }
  }

  function refresh() {
    // A hidden tab does not poll; it catches up on the next tick once visible again.
    if (document.hidden) {
      window.setTimeout(refresh, INTERVAL_MS);
      return;
    }
    // Resolved against the origin, not the page's URL: a page opened as http://key:@host/… has the
    // credentials in its URL, and fetch refuses any URL that carries some. The browser still sends
    // the Basic credentials it keeps for this origin (credentials: 'same-origin').
    fetch(new URL(container.dataset.panelUrl, window.location.origin), {
      headers: { 'Accept': 'text/html' },
      cache: 'no-store',
      credentials: 'same-origin'
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.text();
    }).then(function (html) {
      container.innerHTML = html;
      var panel = container.querySelector('[data-updated]');
      mark('updated ' + (panel ? panel.dataset.updated : new Date().toLocaleTimeString()), false);
    }).catch(function (error) {
      mark('refresh failed (' + error.message + '), retrying', true);
    }).finally(function () {
      window.setTimeout(refresh, INTERVAL_MS);
    });
  }

  window.setTimeout(refresh, INTERVAL_MS);
})();
