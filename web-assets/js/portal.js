// The little JavaScript the portal owns. Everything works without it; this only enhances.
(function () {
  "use strict";

  // Hold countdown: the server decides expiry; this only shows the time left.
  function tick() {
    document.querySelectorAll("[data-expires-at]").forEach(function (el) {
      var left = Math.max(0, Math.floor((Date.parse(el.dataset.expiresAt) - Date.now()) / 1000));
      var text = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
      var out = el.querySelector("[data-countdown]");
      if (out && out.textContent !== text) {
        out.textContent = text;
      }
      if (left === 0 && !el.dataset.expiredAnnounced) {
        el.dataset.expiredAnnounced = "true";
        var msg = el.querySelector("[data-expired-message]");
        if (msg) {
          msg.hidden = false;
        }
        // what needs the hold can no longer be done; the server would refuse it anyway
        var card = el.closest("article") || document;
        card.querySelectorAll("form[data-needs-hold]").forEach(function (form) { form.hidden = true; });
      }
    });
  }
  setInterval(tick, 1000);

  // The day whose times htmx just loaded is the current one.
  document.addEventListener("htmx:afterOnLoad", function (event) {
    var days = event.detail.elt.closest && event.detail.elt.closest("nav[aria-label='Days']");
    if (days) {
      days.querySelectorAll("[aria-current]").forEach(function (a) { a.removeAttribute("aria-current"); });
      event.detail.elt.setAttribute("aria-current", "date");
    }
  });

  // An expired session answers htmx requests with 499: load the page anew, which goes through the login.
  document.addEventListener("htmx:responseError", function (event) {
    if (event.detail.xhr && event.detail.xhr.status === 499) {
      window.location.reload();
    }
  });
  document.addEventListener("DOMContentLoaded", tick);
})();
