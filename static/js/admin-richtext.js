// Admin rich-text editor (Trix): paragraphs instead of <div>, headings from h2,
// and no file attachments (article images are uploaded in their own field).
addEventListener("trix-before-initialize", () => {
  const blocks = window.Trix.config.blockAttributes;
  blocks.default.tagName = "p";
  blocks.default.breakOnReturn = true;
  blocks.heading1.tagName = "h2";
});
addEventListener("trix-file-accept", (event) => event.preventDefault());
