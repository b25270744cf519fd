/* Live reading hints for fields marked data-readability-url. Progressive enhancement only:
   without this file the same hints appear after saving. Text is inserted with textContent,
   never as HTML. */
(function () {
  "use strict";
  var DELAY = 900;

  function csrfToken(field) {
    var form = field.form;
    var input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function language(field) {
    var from = field.getAttribute("data-readability-language-from");
    var source = from && document.getElementById(from);
    return (source && source.value) || field.getAttribute("data-readability-language") || "en";
  }

  function show(box, status, data) {
    var list = box.querySelector("ul");
    list.textContent = "";
    var messages = [];
    if (data.score && !data.score.easy_enough) { messages.push(data.score.message); }
    (data.hints || []).forEach(function (hint) { messages.push(hint.message); });
    messages.forEach(function (message) {
      var item = document.createElement("li");
      item.textContent = message;
      list.appendChild(item);
    });
    box.hidden = messages.length === 0;
    status.textContent = messages.length === 0 ? "" :
      box.getAttribute("data-count-label").replace("%(count)s", String(messages.length));
  }

  function attach(field) {
    var box = document.createElement("div");
    box.className = "readability-live";
    box.hidden = true;
    box.id = field.id + "_live";
    box.setAttribute("data-count-label", field.getAttribute("data-readability-count") || "%(count)s");
    var heading = document.createElement("p");
    heading.className = "hint";
    heading.textContent = field.getAttribute("data-readability-heading") || "";
    box.appendChild(heading);
    box.appendChild(document.createElement("ul"));
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    field.insertAdjacentElement("afterend", status);
    field.insertAdjacentElement("afterend", box);
    var timer = null;
    var latest = 0;
    field.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var text = field.value;
        if (!text.trim()) { show(box, status, {hints: []}); return; }
        var body = new FormData();
        body.append("text", text);
        body.append("language", language(field));
        var request = ++latest;
        fetch(field.getAttribute("data-readability-url"), {
          method: "POST",
          body: body,
          credentials: "same-origin",
          headers: {"X-CSRFToken": csrfToken(field)}
        }).then(function (response) {
          return response.ok ? response.json() : null;
        }).then(function (data) {
          if (data && request === latest) { show(box, status, data); }
        }).catch(function () { /* hints are optional; saving still shows them */ });
      }, DELAY);
    });
  }

  document.querySelectorAll("[data-readability-url]").forEach(attach);
})();
