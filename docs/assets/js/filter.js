/* Filters for lists and tables (/stod/, /investeringar/ and others): progressive enhancement.
 * Without JavaScript the whole list shows and the form stays hidden. The filter state lives in
 * the URL query (?typ=lan&kommun=sundsvall), so a link can be shared and a reload keeps it.
 * Items are the `li` or `tr` children of every [data-filter-list]. Each select names the item
 * attribute it compares: <select name="typ" data-filter="type"> keeps items whose data-type is
 * the chosen id. With data-filter-any the attribute is a space-separated list of ids, and an
 * empty list means "all" (an offer for every sector) and matches every choice.
 * After each change the form sends a "uv-filter" event (bubbling) whose detail has the data-id
 * of every visible item, so a map or a chart can follow the same filter. */
(function () {
  "use strict";

  function init(form) {
    var cards = Array.prototype.slice.call(document.querySelectorAll("[data-filter-list] > li, [data-filter-list] > tr"));
    var count = document.getElementById("uv-count");
    var empty = document.querySelector("[data-filter-empty]");
    var sections = document.querySelectorAll("[data-filter-section]");
    var query = form.querySelector("input[name=q]");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var noun = form.getAttribute("data-count-noun") || "";
    var nounOne = form.getAttribute("data-count-noun-one") || noun;

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        var value = params.get(select.name) || "";
        var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
        select.value = known ? value : "";
      });
      if (query) { query.value = params.get("q") || ""; }
    }

    function writeUrl() {
      var params = new URLSearchParams();
      selects.forEach(function (select) { if (select.value) { params.set(select.name, select.value); } });
      if (query && query.value.trim()) { params.set("q", query.value.trim()); }
      var search = params.toString();
      var url = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
      window.history.replaceState(null, "", url);
    }

    function matches(card) {
      for (var i = 0; i < selects.length; i++) {
        var select = selects[i], value = select.value;
        if (!value) { continue; }
        var attribute = card.getAttribute("data-" + select.getAttribute("data-filter")) || "";
        if (select.hasAttribute("data-filter-any")) {
          var ids = attribute.split(" ").filter(Boolean);
          if (ids.length && ids.indexOf(value) === -1) { return false; }
        } else if (attribute !== value) {
          return false;
        }
      }
      var words = query ? query.value.trim().toLowerCase().split(/\s+/).filter(Boolean) : [];
      var text = card.getAttribute("data-text") || "";
      return words.every(function (word) { return text.indexOf(word) !== -1; });
    }

    function apply() {
      var shown = 0;
      cards.forEach(function (card) {
        var visible = matches(card);
        card.hidden = !visible;
        if (visible) { shown += 1; }
      });
      Array.prototype.forEach.call(sections, function (section) {
        section.hidden = !section.querySelector("[data-filter-list] > :not([hidden])");
      });
      if (empty) { empty.hidden = shown !== 0; }
      var visibleIds = cards.filter(function (card) { return !card.hidden; })
        .map(function (card) { return card.getAttribute("data-id"); });
      form.dispatchEvent(new CustomEvent("uv-filter", {
        bubbles: true, detail: { ids: visibleIds, shown: shown, total: cards.length }
      }));
      var filtered = shown !== cards.length;
      if (!count) { return; }
      count.textContent = filtered
        ? "Visar " + shown + " av " + cards.length + " " + noun + "."
        : cards.length + " " + (cards.length === 1 ? nounOne : noun) + ".";
    }

    var timer = null;
    function update() { writeUrl(); apply(); }
    selects.forEach(function (select) { select.addEventListener("change", update); });
    if (query) {
      query.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 200); });
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    window.addEventListener("popstate", function () { readUrl(); apply(); });

    form.hidden = false;
    readUrl();
    apply();
  }

  var form = document.getElementById("uv-filter");
  if (form) { init(form); }
})();
