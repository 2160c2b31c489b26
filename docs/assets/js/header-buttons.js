/* The theme's menu icon in the header is a <label> for a hidden checkbox: a mouse can click it,
 * but Tab never reaches it, and on a narrow screen it is the only way to the navigation. Replace
 * it with a real button that flips the same checkbox (the theme listens to its change event).
 * Without JavaScript the label stays as it is. (The header's search is the site's own, sok.js.) */
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
    button.addEventListener("click", function () { toggle.click(); });
    toggle.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(toggle.checked));
      // Closed (Escape, or the overlay): focus goes back to the button, not to the page's start.
      var active = document.activeElement;
      if (!toggle.checked && button.offsetParent !== null &&
          (!active || active === document.body || active.closest(".md-sidebar"))) {
        button.focus();
      }
    });
    label.parentNode.replaceChild(button, label);
  });
})();
