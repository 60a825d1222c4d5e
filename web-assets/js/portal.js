// The little JavaScript the portal owns. Everything works without it; this only enhances.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Hold countdown: the server decides expiry; this only shows the time left. Two minutes and one
  // minute before the end, the warning the server wrote in the page's language is shown and put in the
  // polite live region, so a screen reader hears it once each time; the offer to keep the time
  // (when the clinic allows it) sits in the same warning.
  var WARN_AT = [120, 60];

  function tick() {
    document.querySelectorAll("[data-expires-at]").forEach(function (el) {
      // rounded up: "0:00" and "run out" only once the hold has ended, never in its last second
      var left = Math.max(0, Math.ceil((Date.parse(el.dataset.expiresAt) - Date.now()) / 1000));
      var text = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
      var out = el.querySelector("[data-countdown]");
      if (out && out.textContent !== text) {
        out.textContent = text;
      }
      WARN_AT.forEach(function (at) {
        var flag = "warned" + at;
        if (left > 0 && left <= at && !el.dataset[flag]) {
          el.dataset[flag] = "true";
          warn(el, at);
        }
      });
      if (left === 0 && !el.dataset.expiredAnnounced) {
        el.dataset.expiredAnnounced = "true";
        var msg = el.querySelector("[data-expired-message]");
        if (msg) {
          msg.hidden = false;
        }
        var card = el.closest("article") || document;
        var warning = card.querySelector("[data-hold-warning]");
        if (warning) {
          warning.classList.remove("shown");
        }
        // what needs the hold can no longer be done; the server would refuse it anyway
        card.querySelectorAll("form[data-needs-hold]").forEach(function (form) { form.hidden = true; });
      }
    });
  }

  function warn(el, at) {
    var card = el.closest("article") || document;
    var warning = card.querySelector("[data-hold-warning]");
    var said = card.querySelector("[data-warn-text='" + at + "']");
    var live = card.querySelector("[data-hold-announce]");
    if (warning) {
      warning.hidden = false;
      warning.classList.add("shown");
    }
    if (said && live) {
      // a fresh text node in an already-present live region is what screen readers announce
      live.textContent = said.textContent;
    }
  }
  setInterval(tick, 1000);

  // The day whose times htmx just loaded is the current one.
  document.addEventListener("htmx:afterOnLoad", function (event) {
    var days = event.detail.elt.closest && event.detail.elt.closest("nav.days");
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
  // A page being left wins over an htmx request still on its way: a search answering after the patient
  // tapped a result would push its own address, and the browser drops the page being opened for it.
  // Any later touch or key means the page stayed (a download, a cancelled navigation).
  var leaving = false;
  window.addEventListener("beforeunload", function () { leaving = true; });
  ["pageshow", "pointerdown", "keydown"].forEach(function (type) {
    window.addEventListener(type, function () { leaving = false; }, true);
  });
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (leaving) {
      event.preventDefault();
    }
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (leaving) {
      event.detail.shouldSwap = false;
    }
  });
  document.addEventListener("DOMContentLoaded", tick);
})();
