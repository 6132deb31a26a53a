from django import forms
from django.utils.html import format_html


class RichTextWidget(forms.Widget):
    """Trix (vendored from npm into static/vendor/trix) over a hidden input.

    The editor is only a convenience: whatever it posts is cleaned by
    news.text.sanitise_body() when the article is saved.
    """

    class Media:
        css = {"all": ["vendor/trix/trix.css", "css/admin-richtext.css"]}
        js = ["js/admin-richtext.js", "vendor/trix/trix.umd.min.js"]

    def render(self, name, value, attrs=None, renderer=None):
        element_id = (attrs or {}).get("id") or f"id_{name}"
        return format_html(
            '<input type="hidden" id="{id}" name="{name}" value="{value}">'
            '<trix-editor input="{id}" class="trix-content" aria-label="{name}"></trix-editor>',
            id=element_id,
            name=name,
            value=value or "",
        )
