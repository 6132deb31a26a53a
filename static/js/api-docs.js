// The API's interactive docs: Swagger UI (vendored) over our own OpenAPI description.
// A file, not an inline script, so the Content-Security-Policy stays strict.
(function () {
  "use strict";
  var root = document.getElementById("api-explorer");
  if (!root || typeof window.SwaggerUIBundle !== "function") {
    return;
  }

  // Swagger UI leaves its parameter fields without a name for screen readers and its
  // scrolled examples out of the tab order: name each field after its parameter, and
  // let the keyboard reach every scrolled block.
  function mend() {
    root.querySelectorAll("tr[data-param-name]").forEach(function (row) {
      row.querySelectorAll("select, input, textarea").forEach(function (field) {
        if (!field.hasAttribute("aria-label")) {
          field.setAttribute("aria-label", row.getAttribute("data-param-name"));
        }
      });
    });
    root.querySelectorAll(".example, pre.microlight, .highlight-code > pre").forEach(function (block) {
      if (!block.hasAttribute("tabindex")) {
        block.setAttribute("tabindex", "0");
      }
    });
  }

  new MutationObserver(mend).observe(root, { childList: true, subtree: true });

  window.SwaggerUIBundle({
    url: root.dataset.schemaUrl,
    domNode: root,
    // Deep links put a link inside each operation's button (nested controls).
    deepLinking: false,
    defaultModelsExpandDepth: 0,
    // No calls to the public validator service: nothing loads from another host.
    validatorUrl: null,
  });
})();
