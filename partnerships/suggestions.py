"""Suggested partners for a municipality, with the reasons spelled out.

Score, computed in one query over the whole registry:
- 3 points for each area the candidate offers that we need;
- 2 points for each area the candidate needs that we offer;
- 1 point for a similar size (population within a factor of three);
- 1 point for being in a country where we already have partners.
Only candidates that meet at least one need either way and are open to new
partners are suggested, and only across the border: Ukrainian communities to a
foreign municipality, foreign municipalities to a Ukrainian community. Left out:
existing partners, municipalities we already have a submitted or accepted
request with (either way), and communities of the temporarily occupied regions.
Four queries in all (our partners, candidates with their cards' data
prefetched), however large the registry.
"""

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.caching import MAX_AGE
from partnerships.caching import registry_generation
from partnerships.choices import RequestStatus
from partnerships.models import CooperationRequest, Municipality, Partnership

LIMIT = 6


@dataclass
class Suggestion:
    municipality: Municipality
    score: int
    reasons: list[str] = field(default_factory=list)


def suggest_partners(municipality: Municipality, *, limit: int = LIMIT) -> list[Suggestion]:
    """The suggestions, cached per registry generation (partnerships.caching): they change
    only with the registry, partnerships and requests, which all start a new one."""
    key = f"suggestions:{registry_generation()}:{municipality.pk}:{get_language()}:{limit}"
    suggestions = cache.get(key)
    if suggestions is None:
        suggestions = _suggest_partners(municipality, limit=limit)
        cache.set(key, suggestions, MAX_AGE)
    return suggestions


def _suggest_partners(municipality: Municipality, *, limit: int) -> list[Suggestion]:
    our_needs = {area.pk: area for area in municipality.needs.all()}
    our_offers = {area.pk: area for area in municipality.offers.all()}
    if not our_needs and not our_offers:
        return []
    partner_pairs = list(
        Partnership.objects.involving(municipality).values_list(
            "municipality_a_id",
            "municipality_b_id",
            "municipality_a__country",
            "municipality_b__country",
        )
    )
    partner_ids = {a for a, _b, _ca, _cb in partner_pairs} | {
        b for _a, b, _ca, _cb in partner_pairs
    }
    partner_ids.discard(municipality.pk)
    partner_countries = {
        country_b if a == municipality.pk else country_a
        for a, _b, country_a, country_b in partner_pairs
    }

    offers_through = Municipality.offers.through
    needs_through = Municipality.needs.through

    def count(through, area_ids):
        return Coalesce(
            Subquery(
                through.objects.filter(
                    municipality_id=OuterRef("pk"), cooperationarea_id__in=area_ids
                )
                .order_by()
                .values("municipality_id")
                .annotate(total=Count("pk"))
                .values("total"),
                output_field=IntegerField(),
            ),
            0,
        )

    population = municipality.population
    size_bonus = (
        Case(
            When(population__gte=population // 3, population__lte=population * 3, then=Value(1)),
            default=Value(0),
        )
        if population
        else Value(0)
    )
    country_bonus = Case(
        When(country__in=sorted(partner_countries), then=Value(1)), default=Value(0)
    )
    other_side = (
        Municipality.objects.foreign()
        if municipality.is_ukrainian
        else Municipality.objects.ukrainian()
    )
    # Subqueries of the one candidates query: a pair already talking is not suggested.
    active = CooperationRequest.objects.filter(
        status__in=[RequestStatus.SUBMITTED, RequestStatus.ACCEPTED]
    ).order_by()
    candidates = list(
        other_side.open_to_partners()
        .not_occupied()
        .exclude(pk=municipality.pk)
        .exclude(pk__in=partner_ids)
        .exclude(pk__in=active.filter(from_municipality=municipality).values("to_municipality"))
        .exclude(pk__in=active.filter(to_municipality=municipality).values("from_municipality"))
        .annotate(
            meets_our_needs=count(offers_through, list(our_needs)),
            meets_their_needs=count(needs_through, list(our_offers)),
            size_bonus=size_bonus,
            country_bonus=country_bonus,
        )
        .filter(Q(meets_our_needs__gt=0) | Q(meets_their_needs__gt=0))
        .annotate(
            score=3 * F("meets_our_needs")
            + 2 * F("meets_their_needs")
            + F("size_bonus")
            + F("country_bonus")
        )
        .order_by("-score", "name", "pk")
        .for_cards()[:limit]
    )

    suggestions = []
    for candidate in candidates:
        reasons = []
        theirs_offered = [area for area in candidate.offers.all() if area.pk in our_needs]
        theirs_needed = [area for area in candidate.needs.all() if area.pk in our_offers]
        if theirs_offered:
            reasons.append(
                _("offers %(areas)s, which you need")
                % {"areas": ", ".join(str(area) for area in theirs_offered)}
            )
        if theirs_needed:
            reasons.append(
                _("needs %(areas)s, which you offer")
                % {"areas": ", ".join(str(area) for area in theirs_needed)}
            )
        if candidate.size_bonus:
            reasons.append(_("similar in size"))
        if candidate.country_bonus:
            reasons.append(
                _("in %(country)s, where you already have partners")
                % {"country": candidate.country.name}
            )
        suggestions.append(Suggestion(candidate, candidate.score, reasons))
    return suggestions
