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
  // The free text lives in ?sok=…, not ?q=…: the theme opens its own search overlay for ?q=
  // (overrides/main.html turns an old ?q= link into ?sok= before the theme reads it).
  var TEXT_PARAM = "sok";
  var NOT_A_LETTER = /[^0-9a-zåäöéüæø]+/;

  function wordsOf(text) { return text.toLowerCase().split(NOT_A_LETTER).filter(Boolean); }

  // Swedish word forms, from the build (utveckla/searchwords.py, the Snowball stemmer): the
  // stem of each word the listings show where it differs from the word, the endings the
  // stemmer takes off, and the editors' synonym groups (content/synonymer.yml).
  var forms = { stems: {}, endings: {}, groups: [] };
  function stemOf(word) { return forms.stems[word] || word; }
  // "lånet" is a form of "lån": the word's stem followed by one of the stemmer's endings.
  function isFormOf(typed, word) {
    if (typed === word) { return true; }
    var base = stemOf(word);
    return typed.length > base.length && typed.lastIndexOf(base, 0) === 0 && forms.endings[typed.slice(base.length)] === true;
  }
  // A shown word matches what is typed when it begins with it (while typing, and "maskin" →
  // "maskiner") or is another form of it. Whole words only: "lan" is not in "Västernorrland".
  function wordMatches(typed, word) { return word.lastIndexOf(typed, 0) === 0 || isFormOf(typed, word); }

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
    // Each item's words, read the first time someone searches (not while the page loads).
    var texts = null;
    function wordsOfItems() {
      if (!texts) {
        texts = new Map(cards.map(function (card) {
          var words = [card.textContent];
          labels.forEach(function (facet) {
            (card.getAttribute("data-" + facet.attr) || "").split(" ").forEach(function (id) {
              if (facet.names[id]) { words.push(facet.names[id]); }
            });
          });
          return [card, wordsOf(words.join(" "))];
        }));
      }
      return texts;
    }
    // The word forms and synonyms (searchwords.py), read the first time someone searches.
    var formsUrl = form.getAttribute("data-word-forms");
    var formsAsked = false;
    function loadForms() {
      if (formsAsked || !formsUrl) { return; }
      formsAsked = true;
      fetch(formsUrl).then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data) { return; }
          var endings = {};
          data.andelser.forEach(function (ending) { endings[ending] = true; });
          forms = { stems: data.stammar, endings: endings, groups: data.synonymer };
          form.setAttribute("data-word-forms-read", "");
          apply();
        }).catch(function () { formsAsked = false; });
    }
    // Each word typed, as the words it stands for: itself and, when it is a form of a word of
    // a synonym group ("lånet" of "lån"), every word of that group.
    function termsOf(value) {
      return wordsOf(value).map(function (word) {
        var terms = [word];
        forms.groups.forEach(function (group) {
          if (group.some(function (other) { return isFormOf(word, other); })) {
            group.forEach(function (other) { if (terms.indexOf(other) === -1) { terms.push(other); } });
          }
        });
        return terms;
      });
    }
    // How well an item matches: first how many of the typed words it matches, then how many
    // of those as typed rather than through a synonym. seen[i] remembers, for the i-th typed
    // word, what each shown word already compared gave (2 as typed, 1 through a synonym, 0),
    // so a word shared by many items is compared once.
    function score(card, typed, seen) {
      var words = wordsOfItems().get(card), matched = 0, direct = 0;
      typed.forEach(function (terms, i) {
        var best = 0;
        for (var w = 0; w < words.length && best < 2; w++) {
          var word = words[w];
          if (!seen[i].has(word)) {
            seen[i].set(word, wordMatches(terms[0], word) ? 2
              : terms.slice(1).some(function (term) { return wordMatches(term, word); }) ? 1 : 0);
          }
          best = Math.max(best, seen[i].get(word));
        }
        if (best) { matched += 1; }
        if (best === 2) { direct += 1; }
      });
      return matched ? matched * 100 + direct : 0;
    }
    // The folded selects say how many are chosen: "Filter (2 valda)".
    var fold = form.querySelector("[data-filter-fold]");
    var foldLabel = fold && fold.querySelector("summary");
    function showChosen() {
      if (!foldLabel) { return; }
      var chosen = selects.filter(function (select) { return select.value && fold.contains(select); }).length;
      foldLabel.textContent = "Filter" + (chosen ? " (" + chosen + (chosen === 1 ? " valt)" : " valda)") : "");
    }
    // On /stod/ the choices go with the link to an offer, whose page answers "Passar det här
    // mig?" for them (passar.js) and links back to the finder with them.
    var links = form.hasAttribute("data-carry-choices") ? new Map(cards.map(function (card) {
      var link = card.querySelector("a[href]");
      return [link, link && link.getAttribute("href")];
    }).filter(function (pair) { return pair[0]; })) : new Map();
    var carried = "";
    function carryChoices() {
      if (carried === window.location.search) { return; }
      carried = window.location.search;
      links.forEach(function (href, link) { link.setAttribute("href", href + carried); });
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
      showChosen();
      carryChoices();
      // Free text: an item is shown when it matches any word typed, and the items that match
      // the most words come first ("lån maskin": the loans and the grants for machines).
      var typed = query ? termsOf(query.value) : [];
      var seen = typed.map(function () { return new Map(); });
      var scores = new Map();
      cards.forEach(function (card) {
        var points = typed.length ? score(card, typed, seen) : 0;
        var visible = matches(card) && (!typed.length || points > 0);
        scores.set(card, points);
        if (card.hidden === visible) { card.hidden = !visible; }
        if (visible) { shown += 1; }
      });
      // Reordered only for a text search, and put back after it, so that a table sorted by a
      // column (table-sort.js) keeps its order while the selects change.
      if (typed.length || reordered) {
        // Moved in one go per list (a fragment each), not one by one: one layout for 5,000 items.
        var lists = new Map();
        cards.slice().sort(function (a, b) {
          return (scores.get(b) - scores.get(a)) || (order.get(a) - order.get(b));
        }).forEach(function (card) {
          if (!lists.has(card.parentNode)) { lists.set(card.parentNode, document.createDocumentFragment()); }
          lists.get(card.parentNode).appendChild(card);
        });
        lists.forEach(function (fragment, list) { list.appendChild(fragment); });
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
      query.addEventListener("input", function () { loadForms(); clearTimeout(timer); timer = setTimeout(update, 200); });
      query.addEventListener("focus", loadForms);
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    window.addEventListener("popstate", function () { readUrl(); apply(); });

    // Wide screens show the selects open, without the fold's line (site.css hides it there).
    var wide = window.matchMedia("(min-width: 45em)");
    function unfold() { if (fold && wide.matches) { fold.open = true; } }
    if (wide.addEventListener) { wide.addEventListener("change", unfold); }
    unfold();
    form.hidden = false;
    readUrl();
    if (query && query.value) { loadForms(); }
    apply();
  }

  var form = document.getElementById("uv-filter");
  if (form) { init(form); }
})();
