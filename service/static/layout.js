/* Layout helpers for every page (loaded in <head>; everything works without it too):
   - marks the page as scripted, so the header's menu collapses behind its button on a tablet
     or a phone (without JavaScript the menu simply stays open);
   - gives every cell of a table.list the heading of its column as data-label where the
     template did not, so the table stacks as "label above value" on a phone. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function ready() {
    var toggle = document.querySelector(".menu-toggle");
    var menu = document.getElementById("site-menu");
    if (toggle && menu) {
      toggle.addEventListener("click", function () {
        var open = !menu.classList.contains("open");
        menu.classList.toggle("open", open);
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
      });
      document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && menu.classList.contains("open")) {
          menu.classList.remove("open");
          toggle.setAttribute("aria-expanded", "false");
          toggle.focus();
        }
      });
    }
    document.querySelectorAll("table.list").forEach(function (table) {
      var headings = [];
      table.querySelectorAll(":scope > thead > tr > th").forEach(function (th) {
        for (var i = 0; i < (th.colSpan || 1); i += 1) { headings.push(th.textContent.trim()); }
      });
      table.querySelectorAll(":scope > tbody > tr").forEach(function (row) {
        var column = 0;
        Array.prototype.forEach.call(row.cells, function (cell) {
          var heading = headings[column];
          if (!cell.hasAttribute("data-label") && heading) { cell.setAttribute("data-label", heading); }
          column += cell.colSpan || 1;
        });
      });
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", ready); }
  else { ready(); }
}());
