/* The header's search button and the "/" key (sok-ui.js has the search itself): nothing more
 * is loaded before someone opens the search, so no page grows with it. */
(function () {
  "use strict";
  var script = document.currentScript;
  var opener = document.querySelector("[data-uv-sok-oppna]");
  if (!script || !window.HTMLDialogElement) { return; }
  var requested = false;
  function load(open) {
    if (open) { window.uvSokOpen = true; }
    if (window.uvSok) { if (open) { window.uvSok.open(); } return; }
    if (requested) { return; }
    requested = true;
    var ui = document.createElement("script");
    ui.src = new URL("sok-ui.js", script.src).href;
    document.body.appendChild(ui);
  }
  if (document.querySelector("[data-uv-sok-sida]")) { load(false); }
  if (!opener) { return; }
  opener.setAttribute("role", "button");
  opener.setAttribute("aria-haspopup", "dialog");
  opener.addEventListener("click", function (event) {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
    event.preventDefault();
    load(true);
  });
  opener.addEventListener("keydown", function (event) {
    if (event.key === " ") { event.preventDefault(); load(true); }
  });
  document.addEventListener("keydown", function (event) {
    var dialog = document.getElementById("uv-sok-dialog");
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || (dialog && dialog.open)) { return; }
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) { return; }
    event.preventDefault();
    load(true);
  });
})();
