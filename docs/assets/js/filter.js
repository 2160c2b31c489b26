/* Filters for card lists (/stod/ and others): progressive enhancement.
 * Without JavaScript the whole list shows and the form stays hidden. The filter state lives in
 * the URL query (?typ=lan&kommun=sundsvall), so a link can be shared and a reload keeps it.
 * Facets: a card matches a select when its data attribute (a space-separated list of ids) holds
 * the chosen id. A select names the attribute with data-filter-attr="municipality"; an empty
 * attribute matches every choice only when the select also has data-filter-all-when-empty (on
 * /stod/, an offer without municipalities is open to all of them). The /stod/ selects predate
 * data-filter-attr and use the defaults below. */
(function () {
  "use strict";
  var ALL_WHEN_EMPTY = { skede: "stages", bransch: "sectors", kommun: "municipalities", storlek: "sizes" };
  var SINGLE = { typ: "type", status: "status" };
  // The free text lives in ?sok=…, not ?q=…: the theme opens its own search overlay for ?q=.
  var TEXT_PARAM = "sok";

  function ruleFor(select) {
    var attr = select.getAttribute("data-filter-attr");
    if (attr) { return { attr: attr, allWhenEmpty: select.hasAttribute("data-filter-all-when-empty") }; }
    if (ALL_WHEN_EMPTY[select.name]) { return { attr: ALL_WHEN_EMPTY[select.name], allWhenEmpty: true }; }
    if (SINGLE[select.name]) { return { attr: SINGLE[select.name], allWhenEmpty: false }; }
    return null;
  }

  function init(form) {
    // Items are the cards of a list or the rows of a table (the investment map's table).
    var cards = Array.prototype.slice.call(document.querySelectorAll("[data-filter-list] > li, [data-filter-list] > tr"));
    var count = document.getElementById("uv-count");
    var empty = document.querySelector("[data-filter-empty]");
    var sections = document.querySelectorAll("[data-filter-section]");
    var query = form.querySelector("input[name=" + TEXT_PARAM + "]");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"))
      .filter(function (select) { return ruleFor(select) !== null; });
    // The free-text filter searches what each item shows, plus the names of its ids in the
    // selects (an offer's stages and sectors are not printed on its card), read once.
    var labels = selects.map(function (select) {
      var names = {};
      Array.prototype.forEach.call(select.options, function (o) { if (o.value) { names[o.value] = o.textContent; } });
      return { attr: ruleFor(select).attr, names: names };
    });
    var texts = new Map(cards.map(function (card) {
      var words = [card.textContent];
      labels.forEach(function (facet) {
        (card.getAttribute("data-" + facet.attr) || "").split(" ").forEach(function (id) {
          if (facet.names[id]) { words.push(facet.names[id]); }
        });
      });
      return [card, words.join(" ").replace(/\s+/g, " ").toLowerCase()];
    }));
    var noun = form.getAttribute("data-count-noun") || "";
    var nounOne = form.getAttribute("data-count-noun-one") || noun;

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        var value = params.get(select.name) || "";
        var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
        select.value = known ? value : "";
      });
      if (query) { query.value = params.get(TEXT_PARAM) || ""; }
    }

    function writeUrl() {
      var params = new URLSearchParams();
      selects.forEach(function (select) { if (select.value) { params.set(select.name, select.value); } });
      if (query && query.value.trim()) { params.set(TEXT_PARAM, query.value.trim()); }
      var search = params.toString();
      var url = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
      window.history.replaceState(null, "", url);
    }

    function matches(card) {
      for (var i = 0; i < selects.length; i++) {
        var select = selects[i], value = select.value;
        if (!value) { continue; }
        var rule = ruleFor(select);
        var ids = (card.getAttribute("data-" + rule.attr) || "").split(" ").filter(Boolean);
        if (!ids.length && rule.allWhenEmpty) { continue; }
        if (ids.indexOf(value) === -1) { return false; }
      }
      var words = query ? query.value.trim().toLowerCase().split(/\s+/).filter(Boolean) : [];
      var text = texts.get(card);
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
      // Tell others on the page (the investment map's markers) which items are shown, by data-id.
      form.dispatchEvent(new CustomEvent("uv-filter", { bubbles: true, detail: {
        ids: cards.filter(function (card) { return !card.hidden; }).map(function (card) { return card.getAttribute("data-id"); }),
        shown: shown, total: cards.length
      } }));
      if (!count) { return; }
      var filtered = shown !== cards.length;
      count.textContent = filtered
        ? (form.getAttribute("data-count-showing") || "Visar") + " " + shown + " " +
          (form.getAttribute("data-count-of") || "av") + " " + cards.length + " " + noun + "."
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
