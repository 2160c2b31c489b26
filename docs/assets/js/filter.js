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

  // Swedish word forms. What is typed is compared with the beginning of the words an item
  // shows, after common endings are taken off it ("låna" and "lånet" → "lån", "maskiner" →
  // "maskin"), so every form of a word is found and "lan" no longer finds "Västernorrland".
  var ENDINGS = ["arnas", "ernas", "ornas", "arna", "erna", "orna", "ande", "ende", "ade", "are",
    "ar", "er", "or", "en", "et", "na", "a", "e", "n", "s", "t"];
  var NOT_A_LETTER = /[^0-9a-zåäöéüæø]+/;

  function stem(word) {
    for (var i = 0; i < ENDINGS.length; i++) {
      var ending = ENDINGS[i];
      if (word.length - ending.length >= 3 && word.slice(-ending.length) === ending) {
        return word.slice(0, -ending.length);
      }
    }
    return word;
  }

  function wordsOf(text) { return text.toLowerCase().split(NOT_A_LETTER).filter(Boolean); }

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
      return [card, wordsOf(words.join(" "))];
    }));
    // Words that mean the same (content/synonymer.yml), read the first time someone searches.
    var synonyms = null;
    var synonymsUrl = form.getAttribute("data-synonyms");
    function loadSynonyms() {
      if (synonyms || !synonymsUrl) { return; }
      synonyms = [];
      fetch(synonymsUrl).then(function (response) { return response.ok ? response.json() : []; })
        .then(function (groups) {
          synonyms = groups.map(function (group) { return group.map(stem); });
          apply();
        }).catch(function () { synonyms = []; });
    }
    // Each word typed, as the stems it may match: its own and those of its synonyms.
    function termsOf(value) {
      return wordsOf(value).map(function (word) {
        var own = stem(word), terms = [own];
        (synonyms || []).forEach(function (group) {
          if (group.indexOf(own) !== -1) { terms = terms.concat(group); }
        });
        return terms;
      });
    }
    function score(card, typed) {
      var words = texts.get(card);
      return typed.filter(function (terms) {
        return words.some(function (word) {
          return terms.some(function (term) { return word.lastIndexOf(term, 0) === 0; });
        });
      }).length;
    }
    var order = new Map(cards.map(function (card, index) { return [card, index]; }));
    var reordered = false;
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
      return true;
    }

    function apply() {
      var shown = 0;
      // Free text: an item is shown when it matches any word typed, and the items that match
      // the most words come first ("lån maskin": the loans and the grants for machines).
      var typed = query ? termsOf(query.value) : [];
      var scores = new Map();
      cards.forEach(function (card) {
        var points = typed.length ? score(card, typed) : 0;
        var visible = matches(card) && (!typed.length || points > 0);
        scores.set(card, points);
        card.hidden = !visible;
        if (visible) { shown += 1; }
      });
      // Reordered only for a text search, and put back after it, so that a table sorted by a
      // column (table-sort.js) keeps its order while the selects change.
      if (typed.length || reordered) {
        cards.slice().sort(function (a, b) {
          return (scores.get(b) - scores.get(a)) || (order.get(a) - order.get(b));
        }).forEach(function (card) { card.parentNode.appendChild(card); });
        reordered = typed.length > 0;
      }
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
      query.addEventListener("input", function () { loadSynonyms(); clearTimeout(timer); timer = setTimeout(update, 200); });
      query.addEventListener("focus", loadSynonyms);
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    window.addEventListener("popstate", function () { readUrl(); apply(); });

    form.hidden = false;
    readUrl();
    if (query && query.value) { loadSynonyms(); }
    apply();
  }

  var form = document.getElementById("uv-filter");
  if (form) { init(form); }
})();
