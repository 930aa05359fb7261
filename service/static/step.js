/* Form pages: move focus to the error summary and from its links to the fields; on step pages
   show a question only when its condition holds (clearing it when hidden, marking it required
   when it must be answered) and warn before leaving with unsaved changes.
   Everything works without this file too. */
(function () {
  "use strict";

  /* GOV.UK error summary: focused on load so screen readers announce it; a link moves focus
     to its field (not only the scroll position) and keeps the field's label in view. */
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) { return; }
      var target = document.getElementById(link.getAttribute("href").slice(1));
      if (!target) { return; }
      event.preventDefault();
      var around = target.closest(".field, td") || target;
      around.scrollIntoView();
      target.focus({ preventScroll: true });
    });
  }

  var form = document.querySelector("form[data-warn-unsaved]");
  if (!form) { return; }

  function valuesOf(name) {
    var chosen = [];
    form.querySelectorAll('[name="' + name + '"]').forEach(function (input) {
      if ((input.type === "radio" || input.type === "checkbox") && !input.checked) { return; }
      chosen.push(input.value);
    });
    return chosen;
  }

  /* A question required only when shown gets the required marker while it is shown. */
  function markRequired(wrapper, shown) {
    var required = shown && wrapper.hasAttribute("data-required-when-shown");
    var title = wrapper.querySelector("legend, label");
    if (title) { title.classList.toggle("required", required); }
    wrapper.querySelectorAll("input:not([type=radio]):not([type=checkbox]), textarea, select")
      .forEach(function (input) {
        if (required) { input.setAttribute("aria-required", "true"); }
        else { input.removeAttribute("aria-required"); }
      });
  }

  function refresh() {
    form.querySelectorAll("[data-show-if]").forEach(function (wrapper) {
      var wanted = wrapper.getAttribute("data-show-values").split(" ");
      var shown = valuesOf(wrapper.getAttribute("data-show-if")).some(function (v) {
        return wanted.indexOf(v) !== -1;
      });
      wrapper.hidden = !shown;
      markRequired(wrapper, shown);
      if (!shown) {
        wrapper.querySelectorAll("input, textarea, select").forEach(function (input) {
          if (input.type === "radio" || input.type === "checkbox") { input.checked = false; }
          else { input.value = ""; }
        });
      }
    });
  }

  var dirty = false;
  form.addEventListener("change", function () { dirty = true; refresh(); });
  form.addEventListener("input", function () { dirty = true; });
  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }
  });
  refresh();
}());
