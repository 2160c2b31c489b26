// Cookieless visitor statistics (GoatCounter-compatible), only on sites where mkdocs.yml sets
// plugins: utveckla: statistics_url. One GET per page view to the region's own collector with the
// path and the referring page, both without query string or fragment (they can carry personal data).
// Nothing is stored in the browser and nothing about the device is sent: no cookie, no storage,
// no screen size. Do Not Track, Global Privacy Control, automated browsers (the site's own audit
// runs one) and crawlers are not counted.
(function () {
  "use strict";
  var script = document.currentScript;
  var endpoint = script && script.getAttribute("data-endpoint");
  if (!endpoint || !window.fetch) return;
  var nav = window.navigator;
  if (nav.doNotTrack === "1" || window.doNotTrack === "1" || nav.globalPrivacyControl === true) return;
  if (nav.webdriver || /bot|crawl|spider|slurp|headless|lighthouse|pagespeed/i.test(nav.userAgent)) return;
  function withoutQuery(address) {
    try {
      var url = new URL(address);
      return url.origin + url.pathname;
    } catch (error) {
      return "";
    }
  }
  var referrer = document.referrer ? withoutQuery(document.referrer) : "";
  // A visitor moving between pages of this site is not a referral.
  if (referrer.indexOf(window.location.origin + "/") === 0) referrer = "";
  var query = "p=" + encodeURIComponent(window.location.pathname) + "&r=" + encodeURIComponent(referrer);
  window.fetch(endpoint + "?" + query, {method: "GET", credentials: "omit", cache: "no-store",
    keepalive: true, mode: "no-cors", referrerPolicy: "no-referrer"}).catch(function () {});
})();
