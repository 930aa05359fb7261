// Stegvis: warn before the idle timeout logs the user out (no inline script: CSP script-src 'self').
// The timings come from data attributes on <body>; any page load or "stay" click restarts them.
(function () {
  "use strict";
  var body = document.body;
  var idle = parseInt(body.getAttribute("data-idle-seconds"), 10);
  var warnBefore = parseInt(body.getAttribute("data-warning-seconds"), 10);
  var box = document.getElementById("session-warning");
  var stay = document.getElementById("session-stay");
  if (!idle || !box || !stay) { return; }
  var warnTimer = null;
  var endTimer = null;

  function schedule() {
    window.clearTimeout(warnTimer);
    window.clearTimeout(endTimer);
    box.hidden = true;
    warnTimer = window.setTimeout(function () {
      box.hidden = false;
      stay.focus();
    }, Math.max(idle - warnBefore, 0) * 1000);
    endTimer = window.setTimeout(function () {
      window.location.assign(body.getAttribute("data-login-url"));
    }, (idle + 1) * 1000);
  }

  stay.addEventListener("click", function () {
    var token = document.querySelector('meta[name="csrf-token"]');
    fetch(body.getAttribute("data-ping-url"), {
      method: "POST",
      credentials: "same-origin",
      headers: {"X-CSRFToken": token ? token.getAttribute("content") : ""}
    }).then(function (response) {
      if (response.ok) { schedule(); } else { window.location.assign(body.getAttribute("data-login-url")); }
    });
  });
  schedule();
}());
