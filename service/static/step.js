/* Step pages: show a question only when its condition holds (clearing it when hidden), and
   warn before leaving with unsaved changes. Everything works without this file too. */
(function () {
  "use strict";
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

  function refresh() {
    form.querySelectorAll("[data-show-if]").forEach(function (wrapper) {
      var wanted = wrapper.getAttribute("data-show-values").split(" ");
      var shown = valuesOf(wrapper.getAttribute("data-show-if")).some(function (v) {
        return wanted.indexOf(v) !== -1;
      });
      wrapper.hidden = !shown;
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
