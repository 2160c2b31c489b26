/* Sortable tables: progressive enhancement for <table data-sortable>.
 * Each header cell with data-sort="text" or data-sort="number" gets a button; pressing it sorts
 * the body rows by that column, first ascending, then descending. A cell's data-value, when
 * present, is what is compared (an amount without its unit, say); empty values go last.
 * The header's aria-sort tells screen readers the order, and a status line says it in words. */
(function () {
  "use strict";

  var english = (document.documentElement.lang || "sv").slice(0, 2) === "en";
  var collator = new Intl.Collator("sv", { numeric: true, sensitivity: "base" });

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) { return ""; }
    var value = cell.getAttribute("data-value");
    return (value === null ? cell.textContent : value).trim();
  }

  function init(table) {
    var headers = Array.prototype.slice.call(table.querySelectorAll("thead th[data-sort]"));
    var body = table.tBodies[0];
    if (!body || !headers.length) { return; }
    var status = document.createElement("p");
    status.className = "uv-sr";
    status.setAttribute("role", "status");
    table.parentNode.insertBefore(status, table.nextSibling);

    headers.forEach(function (header) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "uv-sort";
      while (header.firstChild) { button.appendChild(header.firstChild); }
      header.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        sort(header, ascending);
        headers.forEach(function (other) { if (other !== header) { other.removeAttribute("aria-sort"); } });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var column = button.textContent.trim().toLowerCase();
        status.textContent = english
          ? "Sorted by " + column + ", " + (ascending ? "ascending" : "descending") + "."
          : "Sorterat efter " + column + ", " + (ascending ? "stigande" : "fallande") + ".";
      });
    });

    function sort(header, ascending) {
      var index = header.cellIndex;
      var numeric = header.getAttribute("data-sort") === "number";
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = cellValue(a, index), y = cellValue(b, index);
        if (x === "" || y === "") { return x === y ? 0 : x === "" ? 1 : -1; } // empty last, both ways
        var order = numeric ? parseFloat(x) - parseFloat(y) : collator.compare(x, y);
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), init);
})();
