/* The site search (Pagefind), loaded by sok.js when someone first opens the search (or on the
 * search page); the index and its code (/pagefind/) load on the first search.
 *
 * - The header's link to /sok/ opens a dialog instead; "/" opens it from anywhere on the page,
 *   Escape closes it (the browser's own dialog), and focus goes back where it was.
 * - The search page /sok/ has the same field and results in the page, from and into ?q= (and
 *   ?typ= for the kind), so a search can be linked and reloaded.
 * - Arrow down from the field moves into the results, up and down move through them, and up
 *   from the first result goes back to the field.
 * - Results can be narrowed by kind (the pages' Pagefind filter "typ", sitesearch.py).
 * Every text shown comes from the index as text: an excerpt's <mark> is the only markup kept. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.HTMLDialogElement) { return; }
  var BASE = new URL("../../", script.src);          /* assets/js/sok.js → the site's root */
  var PER_PAGE = 10;
  var FILTER = "typ";
  var engine = null;
  var counter = 0;

  function load() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", BASE).href).then(function (pagefind) {
        /* filters() loads the kinds, without which a search reports no counts per kind. */
        return pagefind.options({ baseUrl: BASE.pathname, excerptLength: 24 })
          .then(function () { return pagefind.filters(); })
          .then(function () { return pagefind; });
      });
    }
    return engine;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  /* Pagefind's excerpt is text with HTML entities and <mark> around the words found. */
  var decoder = document.createElement("textarea");
  function excerpt(html) {
    var out = element("p", "uv-sok-utdrag");
    html.split(/(<mark>|<\/mark>)/).reduce(function (inMark, part) {
      if (part === "<mark>") { return true; }
      if (part === "</mark>") { return false; }
      decoder.innerHTML = part;  /* a <textarea> only decodes entities, keeping the spaces */
      var text = decoder.value;
      out.appendChild(inMark ? element("mark", "", text) : document.createTextNode(text));
      return inMark;
    }, false);
    return out;
  }

  function count(n) {
    return n === 0 ? "Inga träffar" : n === 1 ? "1 träff" : n + " träffar";
  }

  /* One search box (field, kinds, count, results) in container; onChange(query, kind) is told
   * about each search (the search page keeps it in its address). */
  function build(container, onChange) {
    var id = "uv-sok-" + (++counter);
    var form = element("form", "uv-sok-formular");
    form.setAttribute("role", "search");
    form.action = new URL("sok/", BASE).pathname;
    var label = element("label", "uv-sok-etikett", "Sök på webbplatsen");
    label.htmlFor = id;
    var field = element("input", "uv-sok-falt");
    field.type = "search";
    field.id = id;
    field.name = "q";
    field.autocomplete = "off";
    field.setAttribute("enterkeyhint", "search");
    field.setAttribute("aria-describedby", id + "-antal");
    var kinds = element("fieldset", "uv-sok-typer");
    kinds.hidden = true;
    kinds.appendChild(element("legend", "uv-sok-typer__rubrik", "Visa"));
    var status = element("p", "uv-sok-antal");
    status.id = id + "-antal";
    status.setAttribute("role", "status");
    var list = element("ol", "uv-sok-traffar");
    var more = element("button", "md-button uv-sok-fler", "Visa fler träffar");
    more.type = "button";
    more.hidden = true;
    form.append(label, field, kinds, status, list, more);
    container.appendChild(form);

    var kind = "";
    var shown = [];
    var latest = 0;
    var timer = null;

    function chooseKinds(available) {
      var names = Object.keys(available).sort(function (a, b) { return a.localeCompare(b, "sv"); });
      kinds.textContent = "";
      kinds.appendChild(element("legend", "uv-sok-typer__rubrik", "Visa"));
      [""].concat(names).forEach(function (name) {
        var option = element("label", "uv-sok-typ");
        var radio = element("input");
        radio.type = "radio";
        radio.name = id + "-typ";
        radio.value = name;
        radio.checked = name === kind;
        option.append(radio, document.createTextNode(name ? name + " (" + available[name] + ")" : "Allt"));
        kinds.appendChild(option);
      });
      kinds.hidden = names.length === 0;
    }

    // The next results of the search numbered `search`; when a newer search has begun by the time
    // they are read, they are dropped, so a slow answer to "lå" never lands among those to "lån".
    function showMore() {
      var search = latest;
      var next = shown.splice(0, PER_PAGE);
      more.hidden = shown.length === 0;
      return Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
        if (search !== latest) { return; }
        pages.forEach(function (data) {
          var item = element("li", "uv-sok-traff");
          var link = element("a", "uv-sok-traff__lank");
          link.href = data.url;
          var type = data.filters && data.filters[FILTER] && data.filters[FILTER][0];
          if (type) { link.appendChild(element("span", "uv-sok-traff__typ", type)); }
          link.appendChild(element("span", "uv-sok-traff__titel", (data.meta && data.meta.title) || data.url));
          item.append(link, excerpt(data.excerpt || ""));
          list.appendChild(item);
        });
      });
    }

    function run() {
      var query = field.value.trim();
      var mine = ++latest;
      if (onChange) { onChange(query, kind); }
      if (!query) {
        list.textContent = "";
        status.textContent = "";
        kinds.hidden = true;
        more.hidden = true;
        return Promise.resolve();
      }
      status.textContent = "Söker …";
      return load().then(function (pagefind) {
        var filters = {};
        if (kind) { filters[FILTER] = kind; }
        return Promise.all([pagefind.search(query, { filters: filters }),
                            kind ? pagefind.search(query) : null]);
      }).then(function (found) {
        if (mine !== latest) { return; }
        var search = found[0];
        chooseKinds((found[1] || search).filters[FILTER] || {});
        list.textContent = "";
        shown = search.results.slice();
        status.textContent = count(search.results.length);
        return showMore().then(function () {
          if (mine !== latest) { return; }
          // What the results on screen answer (query and kind), for scripts and tests to wait on.
          form.setAttribute("data-sokt", kind ? query + "|" + kind : query);
        });
      }).catch(function () {
        if (mine === latest) { status.textContent = "Sökningen kunde inte laddas. Försök igen om en stund."; }
      });
    }

    field.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 150);
    });
    kinds.addEventListener("change", function (event) {
      kind = event.target.value;
      run();
    });
    more.addEventListener("click", function () {
      var first = list.children.length;
      showMore().then(function () {
        var link = list.children[first] && list.children[first].querySelector("a");
        if (link) { link.focus(); }
      });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      run();
    });
    form.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") { return; }
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (document.activeElement !== field && at < 0) { return; }
      event.preventDefault();
      if (event.key === "ArrowDown") {
        (links[at + 1] || links[at] || field).focus();
      } else {
        (at > 0 ? links[at - 1] : field).focus();
      }
    });
    return {
      field: field,
      set: function (query, chosen) { field.value = query; kind = chosen || ""; return run(); }
    };
  }

  /* The search page: the box in the page, from and into the address. */
  var page = document.querySelector("[data-uv-sok-sida]");
  if (page) {
    var params = new URLSearchParams(location.search);
    var box = build(page, function (query, kind) {
      var next = new URLSearchParams();
      if (query) { next.set("q", query); }
      if (kind) { next.set("typ", kind); }
      var text = next.toString();
      history.replaceState(null, "", location.pathname + (text ? "?" + text : "") + location.hash);
    });
    if (params.get("q")) { box.set(params.get("q"), params.get("typ")); }
  }

  /* The header's dialog. */
  var dialog = document.getElementById("uv-sok-dialog");
  var opener = document.querySelector("[data-uv-sok-oppna]");
  if (!dialog || !opener) { return; }
  var inDialog = null;

  function open() {
    if (!inDialog) {
      var close = element("button", "uv-sok-stang", "Stäng");
      close.type = "button";
      close.addEventListener("click", function () { dialog.close(); });
      dialog.prepend(close);
      inDialog = build(dialog.querySelector("[data-uv-sok]"));
      load();  /* start fetching while the visitor types */
    }
    if (!dialog.open) { dialog.showModal(); }
    inDialog.field.focus();
  }

  /* Escape closes at once (in a search field the browser would first only empty it). */
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { event.preventDefault(); dialog.close(); }
  });
  /* A click on the backdrop (outside the dialog's box) closes it. */
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) { dialog.close(); }
  });
  window.uvSok = { open: open };
  if (window.uvSokOpen) { open(); }
})();
