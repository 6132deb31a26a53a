// The API's interactive docs: Swagger UI (vendored) over our own OpenAPI description.
// A file, not an inline script, so the Content-Security-Policy stays strict.
(function () {
  "use strict";
  var root = document.getElementById("api-explorer");
  if (!root || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: root.dataset.schemaUrl,
    domNode: root,
    deepLinking: true,
    defaultModelsExpandDepth: 0,
    // No calls to the public validator service: nothing loads from another host.
    validatorUrl: null,
    tryItOutEnabled: true,
  });
})();
