/* The theme's menu and search icons in the header are <label>s for hidden checkboxes: a mouse
 * can click them, but Tab never reaches them, and on a narrow screen they are the only way to
 * the navigation and the search. Replace each with a real button that flips the same checkbox
 * (the theme listens to its change event). Without JavaScript the labels stay as they are. */
(function () {
  "use strict";
  /* The page's language decides the names (the English section sets <html lang="en">). */
  var NAMES = (document.documentElement.lang || "sv").slice(0, 2) === "en"
    ? { __drawer: "Menu" } : { __drawer: "Meny" };
  Object.keys(NAMES).forEach(function (id) {
    var toggle = document.getElementById(id);
    var label = document.querySelector('label.md-header__button[for="' + id + '"]');
    if (!toggle || !label) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " uv-header-button";
    button.setAttribute("data-for", id);   /* site.css hides it where the theme hid the label */
    button.setAttribute("aria-label", NAMES[id]);
    button.setAttribute("aria-expanded", String(toggle.checked));
    while (label.firstChild) { button.appendChild(label.firstChild); }
    button.addEventListener("click", function () {
      toggle.click();
      // The search opens with its field focused, as it does from the theme's keyboard shortcut.
      var field = document.querySelector(".md-search__input");
      if (id === "__search" && toggle.checked && field) { setTimeout(function () { field.focus(); }, 0); }
    });
    toggle.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(toggle.checked));
      // Closed (Escape, or the overlay): focus goes back to the button, not to the page's start.
      var active = document.activeElement;
      if (!toggle.checked && button.offsetParent !== null &&
          (!active || active === document.body || active.closest(".md-search, .md-sidebar"))) {
        button.focus();
      }
    });
    label.parentNode.replaceChild(button, label);
  });
})();
