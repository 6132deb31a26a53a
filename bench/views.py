"""The baseline: the least a page of the portal can do (12 rows, base layout)."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from partnerships.models import Region


@require_safe
def baseline(request):
    regions = list(Region.objects.only("slug", "name_uk", "name_en").order_by("pk")[:12])
    return render(request, "bench/baseline.html", {"regions": regions})
