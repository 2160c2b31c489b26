/* Filters for card lists (/stod/ and others): progressive enhancement.
 * Without JavaScript the whole list shows and the form stays hidden. The filter state lives in
 * the URL query (?typ=lan&kommun=sundsvall), so a link can be shared and a reload keeps it.
 * Facets: a card matches a select when its data attribute (a space-separated list of ids) holds
 * the chosen id. A select names the attribute with data-filter-attr="municipality"; an empty
 * attribute matches every choice only when the select also has data-filter-all-when-empty (on
 * /stod/, an offer without municipalities is open to all of them). The /stod/ selects predate
 * data-filter-attr and use the defaults below.
 * A listing in pages (utveckla/content/paging.py) shows one page of items. Its form names the
 * file with every item, data-filter-all (the same HTML as the pages' lists), which is read the
 * first time someone filters (or the address holds a filter) and replaces the page's items
 * ([data-filter-region]); the page links ([data-filter-pages]) are then hidden. With
 * data-filter-limit="24" only the first 24 matches are in the page, and a button shows more. */
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

  var ITEMS = "[data-filter-list] > li, [data-filter-list] > tr";

  function init(form) {
    // Items are the cards of a list or the rows of a table (the investment map's table).
    var cards = Array.prototype.slice.call(document.querySelectorAll(ITEMS));
    var count = document.getElementById("uv-count");
    var empty = document.querySelector("[data-filter-empty]");
    var sections = document.querySelectorAll("[data-filter-section]");
    var allUrl = form.getAttribute("data-filter-all");
    var limit = Number(form.getAttribute("data-filter-limit")) || 0;
    var shownLimit = limit;
    var home = new Map(); // item → its list, also while a limit keeps it out of the page
    var more = null; // the "Visa fler" button, with a limit
    var query = form.querySelector("input[name=" + TEXT_PARAM + "]");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"))
      .filter(function (select) { return ruleFor(select) !== null; });
    // The free-text filter searches what each item shows, plus the names of its ids in the
    // selects (an offer's stages and sectors are not printed on its card), read once.
    var rules = selects.map(ruleFor);
    var labels = selects.map(function (select, i) {
      var names = {};
      Array.prototype.forEach.call(select.options, function (o) { if (o.value) { names[o.value] = o.textContent; } });
      return { attr: rules[i].attr, names: names };
    });
    // Each item's ids for each select (by the item's number in cards), read once.
    var facetIds = null;
    function idsOfItems() {
      if (!facetIds) {
        facetIds = cards.map(function (card) {
          return rules.map(function (rule) { return (card.getAttribute("data-" + rule.attr) || "").split(" ").filter(Boolean); });
        });
      }
      return facetIds;
    }
    // The items' words as an index: each word shown → the numbers (in cards) of the items that
    // show it. Built the first time someone searches, or once every item is read; a search then
    // compares each distinct word once, however many items share it (5,000 offers, one index).
    var index = null;
    function wordIndex() {
      if (!index) {
        index = new Map();
        cards.forEach(function (card, n) {
          var words = [card.textContent];
          labels.forEach(function (facet, i) {
            idsOfItems()[n][i].forEach(function (id) { if (facet.names[id]) { words.push(facet.names[id]); } });
          });
          wordsOf(words.join(" ")).forEach(function (word) {
            var items = index.get(word);
            if (!items) { items = []; index.set(word, items); }
            if (items[items.length - 1] !== n) { items.push(n); }
          });
        });
      }
      return index;
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
    // How well each item matches, by its number in cards: 100 for each typed word it matches,
    // and 1 more for each matched as typed rather than through a synonym; 0 when none.
    function textScores(typed) {
      var points = new Array(cards.length).fill(0);
      typed.forEach(function (terms) {
        var best = new Uint8Array(cards.length); // 2 as typed, 1 through a synonym
        wordIndex().forEach(function (items, word) {
          var level = wordMatches(terms[0], word) ? 2
            : terms.slice(1).some(function (term) { return wordMatches(term, word); }) ? 1 : 0;
          if (level) { items.forEach(function (n) { if (best[n] < level) { best[n] = level; } }); }
        });
        best.forEach(function (level, n) { if (level) { points[n] += 99 + level; } });
      });
      return points;
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
    var carrying = form.hasAttribute("data-carry-choices");
    function linksOf(items) {
      return new Map(items.map(function (card) {
        var link = card.querySelector("a[href]");
        return [card, link ? [link, link.getAttribute("href")] : null];
      }));
    }
    var links = carrying ? linksOf(cards) : new Map();
    // Only the items in the page are given the choices (with a limit, a few of 5,000).
    function carryChoices(items) {
      if (!carrying) { return; }
      var search = window.location.search;
      items.forEach(function (card) {
        var pair = links.get(card);
        if (pair && pair[0].uvCarried !== search) {
          pair[0].setAttribute("href", pair[1] + search);
          pair[0].uvCarried = search;
        }
      });
    }
    var order = new Map(cards.map(function (card, index) { return [card, index]; }));
    var reordered = false;
    cards.forEach(function (card) { home.set(card, card.parentNode); });

    // Every item of a paged listing, read once; then the functions waiting for it run. Without
    // the file (offline, an error) the filter works on the page's own items.
    var waiting = allUrl ? [] : null;
    function whenAll(then) {
      if (waiting === null) { then(); return; }
      waiting.push(then);
      if (waiting.length > 1) { return; }
      function done() {
        var run = waiting;
        waiting = null;
        run.forEach(function (fn) { fn(); });
      }
      fetch(allUrl).then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (data) { useAll(data.html); }
          done();
        }, done);
    }
    function useAll(html) {
      var region = document.querySelector("[data-filter-region]");
      var parsed = document.createElement("template");
      parsed.innerHTML = html;
      // The region is a list itself (a table's body: the file holds its rows) or holds lists.
      var isList = region.hasAttribute("data-filter-list");
      cards = Array.prototype.slice.call(isList ? parsed.content.children : parsed.content.querySelectorAll(ITEMS));
      order = new Map(cards.map(function (card, index) { return [card, index]; }));
      home = new Map(cards.map(function (card) { return [card, isList ? region : card.parentNode]; }));
      // With a limit the items wait outside the page (apply puts the first ones in): the page
      // never lays out thousands of cards at once.
      if (limit) { cards.forEach(function (card) { card.remove(); }); }
      region.replaceChildren(parsed.content);
      sections = document.querySelectorAll("[data-filter-section]");
      index = null;
      facetIds = null;
      if (carrying) { links = linksOf(cards); }
      Array.prototype.forEach.call(document.querySelectorAll("[data-filter-pages]"), function (nav) { nav.hidden = true; });
      apply();
      // The word index of every item is built now, while the visitor reads, not on the first key.
      if (query) { setTimeout(wordIndex, 0); }
      form.setAttribute("data-filter-all-read", "");
    }
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

    function matches(n, values) {
      var ids = idsOfItems()[n];
      for (var i = 0; i < values.length; i++) {
        if (!values[i]) { continue; }
        if (!ids[i].length && rules[i].allWhenEmpty) { continue; }
        if (ids[i].indexOf(values[i]) === -1) { return false; }
      }
      return true;
    }

    function apply() {
      var shown = 0;
      showChosen();
      // Free text: an item is shown when it matches any word typed, and the items that match
      // the most words come first ("lån maskin": the loans and the grants for machines).
      var typed = query ? termsOf(query.value) : [];
      var points = typed.length ? textScores(typed) : null;
      var values = selects.map(function (select) { return select.value; });
      var matched = [];
      cards.forEach(function (card, n) {
        var visible = matches(n, values) && (!points || points[n] > 0);
        if (visible) { matched.push(card); }
        if (!limit && card.hidden === visible) { card.hidden = !visible; }
      });
      shown = matched.length;
      function byScore(a, b) {
        var first = order.get(a), second = order.get(b);
        return (points ? points[second] - points[first] : 0) || (first - second);
      }
      if (limit) {
        // Only the first matches are in the page: the rest wait outside it, so that filtering
        // 5,000 items lays out no more than shownLimit of them.
        var pageLists = new Map();
        home.forEach(function (list) { if (!pageLists.has(list)) { pageLists.set(list, document.createDocumentFragment()); } });
        var inPage = (typed.length ? matched.slice().sort(byScore) : matched).slice(0, shownLimit);
        carryChoices(inPage);
        inPage.forEach(function (card) { pageLists.get(home.get(card)).appendChild(card); });
        pageLists.forEach(function (fragment, list) { list.replaceChildren(fragment); });
        showMore(shown - Math.min(shown, shownLimit));
      } else {
        carryChoices(cards);
      }
      if (!limit && (typed.length || reordered)) {
        // Reordered only for a text search, and put back after it, so that a table sorted by a
        // column (table-sort.js) keeps its order while the selects change.
        // Moved in one go per list (a fragment each), not one by one: one layout for 5,000 items.
        var lists = new Map();
        cards.slice().sort(byScore).forEach(function (card) {
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
      // The ids are read only when a listener asks for them (the map does; /stod/ has none).
      form.dispatchEvent(new CustomEvent("uv-filter", { bubbles: true, detail: {
        get ids() { return matched.map(function (card) { return card.getAttribute("data-id"); }); },
        shown: shown, total: cards.length
      } }));
      if (!count) { return; }
      var filtered = shown !== cards.length;
      count.textContent = filtered
        ? (form.getAttribute("data-count-showing") || "Visar") + " " + shown + " " +
          (form.getAttribute("data-count-of") || "av") + " " + cards.length + " " + noun + "."
        : cards.length + " " + (cards.length === 1 ? nounOne : noun) + ".";
    }

    // "Visa 24 till": the next matches, and the focus on the first of them for the keyboard.
    function showMore(left) {
      if (!more) {
        more = document.createElement("button");
        more.type = "button";
        more.className = "md-button uv-more";
        more.addEventListener("click", function () {
          var before = shownLimit;
          shownLimit += limit;
          apply();
          var next = document.querySelectorAll(ITEMS)[before];
          var link = next && next.querySelector("a[href]");
          if (link) { link.focus(); }
        });
        document.querySelector("[data-filter-region]").insertAdjacentElement("afterend", more);
      }
      more.hidden = left <= 0;
      more.textContent = "Visa " + Math.min(limit, left) + " till (" + left + " kvar)";
    }

    var timer = null;
    function update() { whenAll(function () { shownLimit = limit; writeUrl(); apply(); }); }
    selects.forEach(function (select) { select.addEventListener("change", update); });
    if (query) {
      query.addEventListener("input", function () { loadForms(); clearTimeout(timer); timer = setTimeout(update, 200); });
      query.addEventListener("focus", loadForms);
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    window.addEventListener("popstate", function () { whenAll(function () { readUrl(); apply(); }); });
    // A paged listing reads every item as soon as the visitor turns to the filter.
    if (allUrl) {
      form.addEventListener("focusin", function () { whenAll(function () {}); });
      form.addEventListener("pointerdown", function () { whenAll(function () {}); });
    }

    // Wide screens show the selects open, without the fold's line (site.css hides it there).
    var wide = window.matchMedia("(min-width: 45em)");
    function unfold() { if (fold && wide.matches) { fold.open = true; } }
    if (wide.addEventListener) { wide.addEventListener("change", unfold); }
    unfold();
    form.hidden = false;
    readUrl();
    if (query && query.value) { loadForms(); }
    // A paged listing opened without a filter is already right as the page came: its items are
    // read when the visitor turns to the filter. With a filter in the address, they are read now.
    if (!allUrl) { apply(); } else if (window.location.search) { whenAll(function () { readUrl(); apply(); }); }
  }

  var form = document.getElementById("uv-filter");
  if (form) { init(form); }
})();
