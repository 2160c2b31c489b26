/* "Passar det här mig?" on an offer page: the choices made in the finder (/stod/) come in the
 * address (?kommun=ange&storlek=sma, the finder's parameters); for each one the page carries,
 * from the offer's own fields (utveckla/fit.py), the ids it applies to and a sentence for yes
 * and for no. Nothing is stored: the choices go back to the finder in its link. */
(function () {
  "use strict";
  var box = document.querySelector("[data-fit]");
  if (!box) { return; }
  var params = new URLSearchParams(window.location.search);
  var answers = { yes: 0, no: 0, unstated: 0 };
  Array.prototype.forEach.call(box.querySelectorAll("[data-fit-param]"), function (item) {
    var chosen = params.get(item.getAttribute("data-fit-param"));
    if (!chosen) { return; }
    var ids = (item.getAttribute("data-fit-ids") || "").split(" ").filter(Boolean);
    var answer = item.hasAttribute("data-fit-unstated") ? "unstated"
      : (!ids.length || ids.indexOf(chosen) !== -1) ? "yes" : "no";
    answers[answer] += 1;
    var name = document.createElement("strong");
    name.textContent = item.getAttribute("data-fit-name") + ": " +
      { yes: "passar.", no: "passar inte.", unstated: "uppgift saknas." }[answer] + " ";
    item.appendChild(name);
    var details = answer === "yes" && item.hasAttribute("data-fit-details") ? JSON.parse(item.getAttribute("data-fit-details")) : {};
    item.appendChild(document.createTextNode(item.getAttribute(answer === "no" ? "data-fit-no" : "data-fit-yes") +
      (Object.prototype.hasOwnProperty.call(details, chosen) ? " " + details[chosen] : "")));
    item.className = "uv-fit--" + answer;
    item.hidden = false;
  });
  if (!answers.yes && !answers.no && !answers.unstated) { return; }
  box.querySelector("[data-fit-verdict]").textContent = answers.no
    ? "Nej, det här passar inte alla dina val."
    : answers.unstated ? "Det kan passa: erbjudandet säger inte allt om dina val." : "Ja, det här passar dina val.";
  // Back to the finder, and on to similar offers, with the same choices.
  var links = [box.querySelector("[data-fit-back]")].concat(
    Array.prototype.slice.call(document.querySelectorAll("[data-fit-carry] a[href]")));
  links.forEach(function (link) { link.setAttribute("href", link.getAttribute("href") + window.location.search); });
  box.hidden = false;
})();
