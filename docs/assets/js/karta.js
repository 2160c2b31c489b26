/* Investment maps: markers, clusters, popups, filtering and keyboard use.
 * utveckla/mapview.py builds each map's Leaflet setup with folium and calls
 *   uvKarta.markerMaker(config)  → the function that turns one data row into a marker,
 *   uvKarta.clusterIcon          → the icon of a cluster,
 *   uvKarta.setup(map, cluster, options[, maker]) once the map exists; with options.markers
 *     (a listing's map) the data rows are fetched from that file and made into markers with maker.
 * A data row is [lat, lon, id, sector, status, municipality, title, owner, amount,
 * look (0 active, 1 paused, 2 cancelled: mapview.VARIANTS), and on the English map the title's
 * language when it is Swedish]; the labels of the ids are in
 * the config given to markerMaker, once per map, to keep the page small. Loaded after the vendored Leaflet and
 * Leaflet.markercluster; needs nothing from any other site. */
(function () {
  "use strict";

  var keyboardOpened = false; // was the open popup opened with Enter? Then focus follows it.

  // The page's language decides the words (the English section sets <html lang="en">).
  var TEXTS = {
    sv: { owner: "Ägare", municipality: "Kommun", sector: "Sektor", amount: "Belopp", status: "Status",
          noAmount: "Inget belopp angivet", here: " investeringar här. Välj för att zooma in.",
          tiles: "Bakgrundskartan kunde inte laddas just nu. Markeringarna och tabellen fungerar ändå.",
          zoomIn: "Zooma in", zoomOut: "Zooma ut", close: "Stäng", twoFingers: "Flytta kartan med två fingrar" },
    en: { owner: "Owner", municipality: "Municipality", sector: "Sector", amount: "Amount", status: "Status",
          noAmount: "No amount stated", here: " investments here. Select to zoom in.",
          tiles: "The background map could not be loaded just now. The markers and the table still work.",
          zoomIn: "Zoom in", zoomOut: "Zoom out", close: "Close", twoFingers: "Use two fingers to move the map" }
  };
  var T = TEXTS[(document.documentElement.lang || "sv").slice(0, 2)] || TEXTS.sv;

  function escapeHtml(text) {
    return String(text).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function popupContent(row, labels, href) {
    var box = element("div", "uv-popup");
    var heading = element("p", "uv-popup__title");
    var link = element("a", null, row[6]);
    link.href = href;
    if (row[10]) { link.lang = row[10]; }
    heading.appendChild(link);
    box.appendChild(heading);
    var facts = element("dl", "uv-popup__facts");
    function fact(term, value) {
      facts.appendChild(element("dt", null, term));
      var dd = element("dd");
      if (typeof value === "string") { dd.textContent = value; } else { dd.appendChild(value); }
      facts.appendChild(dd);
    }
    fact(T.owner, row[7]);
    fact(T.municipality, labels.municipality[row[5]] || row[5]);
    fact(T.sector, labels.sector[row[3]] || row[3]);
    fact(T.amount, row[8] || T.noAmount);
    fact(T.status, element("span", "uv-badge uv-badge--" + row[4], labels.status[row[4]] || row[4]));
    box.appendChild(facts);
    return box;
  }

  function markerMaker(config) {
    var labels = config.labels;
    return function (row) {
      // config.icons: sector → [colour, pictogram path]; config.markers: the SVG of each look
      // (mapview.marker_template) with $FILL and $GLYPH to fill in.
      var style = config.icons[row[3]] || config.icons[Object.keys(config.icons)[0]];
      var svg = config.markers[row[9]].replace("$FILL", function () { return style[0]; })
        .replace("$GLYPH", function () { return style[1]; });
      var status = labels.status[row[4]] || row[4];
      // The text in the icon is the marker's accessible name: title, sector and status.
      var name = row[6] + ". " + (labels.sector[row[3]] || row[3]) + ", " + status.toLowerCase() + ".";
      var icon = L.divIcon({
        html: svg + '<span class="uv-sr">' + escapeHtml(name) + "</span>",
        className: "uv-marker uv-marker--" + row[4],
        iconSize: [32, 32],
        iconAnchor: [16, 16],
        popupAnchor: [0, -14]
      });
      var marker = L.marker([row[0], row[1]], { icon: icon, title: row[6] + " (" + status + ")", riseOnHover: true });
      marker.uvId = row[2];
      // Registered before bindPopup, so these run before the popup opens.
      marker.on("keypress", function (event) { if (event.originalEvent.keyCode === 13) { keyboardOpened = true; } });
      marker.on("click", function () { keyboardOpened = false; });
      marker.bindPopup(function () { return popupContent(row, labels, config.links + row[2] + "/"); },
        { maxWidth: 280, autoPanPadding: [24, 24] });
      return marker;
    };
  }

  function clusterIcon(cluster) {
    var count = cluster.getChildCount();
    var size = count < 10 ? 36 : count < 100 ? 42 : 48;
    return L.divIcon({
      html: '<span aria-hidden="true">' + count + '</span><span class="uv-sr">' + count +
        T.here + "</span>",
      className: "uv-cluster",
      iconSize: [size, size]
    });
  }

  function showTileNotice(container) {
    if (container.nextElementSibling && container.nextElementSibling.className === "uv-map-notice") { return; }
    var notice = element("p", "uv-map-notice", T.tiles);
    notice.setAttribute("role", "status");
    container.parentNode.insertBefore(notice, container.nextSibling);
  }

  // On a touch screen one finger scrolls the page, also over the map, and two fingers move and
  // zoom the map. karta.css lets the browser pan the page over the map (touch-action); here a
  // one-finger touch is kept from Leaflet's dragging (the mouse still drags), and a hint over
  // the map says how to move it. Nothing runs until the map is touched.
  function touchGestures(container) {
    var hint = null, timer = 0;
    function hide() { if (hint) { hint.classList.remove("uv-map-gesture--shown"); } }
    container.addEventListener("touchstart", function (event) {
      if (event.touches.length === 1) { event.stopPropagation(); } else { hide(); }
    }, { capture: true, passive: true });
    container.addEventListener("touchmove", function (event) {
      if (event.touches.length !== 1) { return; }
      if (!hint) {
        // A visual help for what the finger just did; the text under the map says the same.
        hint = element("p", "uv-map-gesture", T.twoFingers);
        hint.setAttribute("aria-hidden", "true");
        container.appendChild(hint);
      }
      hint.classList.add("uv-map-gesture--shown");
      clearTimeout(timer);
      timer = setTimeout(hide, 1500);
    }, { passive: true });
  }

  function setup(map, cluster, options, maker) {
    var container = map.getContainer();
    var all = cluster.getLayers();
    var current = all;
    var wanted = null; // the ids the page's filter last asked for, kept while the markers load
    var fitOptions = { padding: [24, 24], maxZoom: options.maxZoom || 12 };
    // Leaflet drops a view asked for while a zoom still animates (and reports it done), so a
    // second choice made during the first one's zoom (a reset right after a filter, the arrow
    // keys in a list) would leave the map on the first one's markers. Such a move waits for
    // the zoom to end, and only the last one asked for is made.
    var zooming = false;
    var waitingBounds = null;
    map.on("zoomanim", function () { zooming = true; });
    map.on("zoomend", function () {
      zooming = false;
      var bounds = waitingBounds;
      waitingBounds = null;
      if (bounds) { moveTo(bounds); }
    });
    function moveTo(bounds) {
      if (zooming) { waitingBounds = bounds; } else { map.fitBounds(bounds, fitOptions); }
    }

    L.control.zoom({ zoomInTitle: T.zoomIn, zoomOutTitle: T.zoomOut }).addTo(map);
    map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
    container.setAttribute("data-marker-count", String(all.length));
    touchGestures(container);

    map.eachLayer(function (layer) {
      if (layer instanceof L.TileLayer) { layer.on("tileerror", function () { showTileNotice(container); }); }
    });

    // Enter on a cluster zooms in (Leaflet only turns Enter into "open popup" for markers);
    // focus goes back to the map so Tab continues with the markers that appear.
    cluster.on("clusterkeypress", function (event) {
      if (event.originalEvent.keyCode !== 13) { return; }
      map.once("zoomend", function () { container.focus(); });
      event.layer.zoomToBounds({ padding: [24, 24] });
    });

    map.on("popupopen", function (event) {
      var popup = event.popup.getElement();
      var close = popup.querySelector(".leaflet-popup-close-button");
      if (close) { close.setAttribute("aria-label", T.close); close.setAttribute("title", T.close); }
      var link = popup.querySelector(".uv-popup a");
      if (keyboardOpened && link) { link.focus(); }
    });
    map.on("popupclose", function (event) {
      var source = event.popup._source;
      if (keyboardOpened && source && source.getElement()) { source.getElement().focus(); }
      keyboardOpened = false;
    });
    // Escape closes a popup also when the focus is inside it (Leaflet only listens on the map).
    container.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && map._popup && map.hasLayer(map._popup)) { map.closePopup(); }
    });

    // Shows the markers of the items the page's filter shows (null: all of them); the map moves
    // to them only for a filter (the map opens at the bounds of every marker, set in mapview.py).
    function show(ids) {
      var visible = {};
      (ids || []).forEach(function (id) { visible[id] = true; });
      var shown = ids ? all.filter(function (marker) { return visible[marker.uvId]; }) : all;
      // The first event (page load without a filter) changes nothing: skip the re-clustering.
      if (shown.length === current.length && shown.every(function (m, i) { return m === current[i]; })) { return; }
      current = shown;
      map.closePopup();
      cluster.clearLayers();
      cluster.addLayers(shown);
      container.setAttribute("data-marker-count", String(shown.length));
      if (ids && shown.length) { moveTo(L.featureGroup(shown).getBounds()); }
    }
    if (options.followFilter) {
      document.addEventListener("uv-filter", function (event) {
        wanted = event.detail.ids;
        show(wanted);
      });
    }
    if (options.markers && maker) {
      fetch(options.markers).then(function (response) { return response.ok ? response.json() : []; })
        .then(function (rows) {
          all = rows.map(maker);
          current = [];
          show(wanted);
        }).catch(function () { container.setAttribute("data-marker-error", ""); });
    }
  }

  window.uvKarta = { markerMaker: markerMaker, clusterIcon: clusterIcon, setup: setup };
})();
