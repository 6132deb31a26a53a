"""Coordinates picked on a map in the municipality admin (static/js/map.js, "picker")."""

from django import forms
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _


class CoordinatePicker(forms.NumberInput):
    """The latitude field, followed by a map of the world: a click on it fills the
    latitude and the longitude fields (whose id is given)."""

    def __init__(self, longitude_id: str = "id_longitude", attrs=None):
        super().__init__(attrs)
        self.longitude_id = longitude_id

    class Media:
        css = {
            "all": [
                "vendor/leaflet/leaflet.css",
                "css/map.css",
            ]
        }
        js = ["vendor/leaflet/leaflet.js", "js/map.js"]

    def render(self, name, value, attrs=None, renderer=None):
        field = super().render(name, value, attrs, renderer)
        latitude_id = (attrs or {}).get("id") or f"id_{name}"
        return format_html(
            '{}<p class="help">{}</p><div class="live-map live-map--picker" hidden data-map="picker"'
            ' data-latitude="{}" data-longitude="{}" data-countries="{}"'
            ' role="region" aria-label="{}"></div>',
            field,
            _("Click the map to set the latitude and the longitude; type them to move the point."),
            latitude_id,
            self.longitude_id,
            static("map/countries-50m.geojson"),
            _("Map for picking the coordinates"),
        )
