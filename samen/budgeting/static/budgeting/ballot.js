/* Ballot totals as the voter marks projects: money left (knapsack), points left (cumulative),
   projects chosen (the rest), and marks on projects that no longer fit. Progressive
   enhancement only: without this script the "Update total" button asks the server. */
(function () {
  "use strict";
  var lang = document.documentElement.lang || "en";

  function fill(pattern, values) {
    return pattern.replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? values[key] : all;
    });
  }

  function money(section, minor) {
    var cents = minor % 100 !== 0;
    var amount = new Intl.NumberFormat(lang, {
      minimumFractionDigits: cents ? 2 : 0,
      maximumFractionDigits: cents ? 2 : 0,
      useGrouping: true
    }).format(minor / 100);
    return fill(section.dataset.textMoney, { n: amount });
  }

  function knapsack(section, status) {
    var amount = parseInt(section.dataset.amount, 10);
    var spent = 0;
    var rows = section.querySelectorAll("[data-cost]");
    rows.forEach(function (row) {
      if (row.querySelector("input").checked) { spent += parseInt(row.dataset.cost, 10); }
    });
    rows.forEach(function (row) {
      var fits = row.querySelector("input").checked || parseInt(row.dataset.cost, 10) <= amount - spent;
      row.classList.toggle("ballot-project--no-fit", !fits);
      row.querySelector(".ballot-project__fit").hidden = fits;
    });
    var values = { spent: money(section, spent), amount: money(section, amount) };
    if (spent > amount) {
      values.over = money(section, spent - amount);
      status.textContent = fill(section.dataset.textOver, values);
    } else {
      values.left = money(section, amount - spent);
      status.textContent = fill(section.dataset.textUnder, values);
    }
  }

  function cumulative(section, status) {
    var total = parseInt(section.dataset.points, 10) || 0;
    var given = 0;
    section.querySelectorAll("input[type=number]").forEach(function (input) {
      var n = parseInt(input.value, 10);
      if (n > 0) { given += n; }
    });
    status.textContent = fill(section.dataset.textUnder, {
      given: given, total: total, left: Math.max(total - given, 0)
    });
  }

  function counted(section, status) {
    var n = section.querySelectorAll("input[type=checkbox]:checked").length;
    status.textContent = fill(n === 1 ? section.dataset.textOne : section.dataset.textOther, { n: n });
  }

  document.querySelectorAll("fieldset[data-ballot-kind]").forEach(function (section) {
    var kind = section.dataset.ballotKind;
    var status = section.querySelector(".ballot-total");
    var update = kind === "knapsack" ? knapsack : kind === "cumulative" ? cumulative : counted;
    if (kind === "ranked") { return; }
    section.addEventListener("input", function () { update(section, status); });
    section.addEventListener("change", function () { update(section, status); });
    var button = section.querySelector(".ballot-update");
    if (button) { button.hidden = true; }
  });
})();
