/* Optional live progress for a running count. Progressive enhancement only: without this
   file the page has a Refresh button. With it, the organiser may tick a box to have the
   count's status fetched again every 5 seconds until the count ends; it never starts by
   itself (WCAG 2.2.1), and the status region announces changes politely. */
(function () {
  "use strict";
  var EVERY = 5000;
  var box = document.getElementById("count-live");
  var state = document.getElementById("count-state");
  if (!box || !state || !window.fetch || !window.DOMParser) { return; }
  var toggle = box.querySelector("input[type=checkbox]");
  var timer = null;
  box.hidden = false;

  function stop() {
    if (timer !== null) { window.clearTimeout(timer); timer = null; }
  }

  function active() {
    return state.getAttribute("data-active") === "true";
  }

  function schedule() {
    stop();
    if (toggle.checked && active()) { timer = window.setTimeout(update, EVERY); }
  }

  function update() {
    window.fetch(window.location.href, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) {
        var fresh = html && new window.DOMParser().parseFromString(html, "text/html")
          .getElementById("count-state");
        if (fresh) {
          var nodes = Array.prototype.map.call(fresh.childNodes, function (node) {
            return document.importNode(node, true);
          });
          state.replaceChildren.apply(state, nodes);
          state.setAttribute("data-active", fresh.getAttribute("data-active"));
        }
        if (!active()) { toggle.checked = false; box.hidden = true; }
        schedule();
      })
      .catch(schedule);
  }

  toggle.addEventListener("change", schedule);
  if (!active()) { box.hidden = true; }
})();
