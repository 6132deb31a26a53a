"""Suggested partners: ranked by what one needs and the other offers, and explained."""

import datetime

from django.utils import translation

from partnerships.models import Municipality, Region
from partnerships.models.municipality import OCCUPATION_START
from partnerships.suggestions import suggest_partners
from tests.factories import (
    CooperationAreaFactory,
    CooperationRequestFactory,
    ForeignMunicipalityFactory,
    MunicipalityFactory,
    PartnershipFactory,
)


def test_suggestions_rank_by_needs_and_explain(django_assert_num_queries, municipality_a):
    energy = CooperationAreaFactory(slug="t-energy", name_en="energy", name_uk="енергетика")
    culture = CooperationAreaFactory(slug="t-culture", name_en="culture", name_uk="культура")
    municipality_a.needs.set([energy])
    municipality_a.offers.set([culture])
    best = ForeignMunicipalityFactory(name_en="Best", population=25_000)
    best.offers.set([energy])
    best.needs.set([culture])
    good = ForeignMunicipalityFactory(name_en="Good", population=1_000_000)
    good.offers.set([energy])
    partner = ForeignMunicipalityFactory(name_en="Partner")
    partner.offers.set([energy])
    PartnershipFactory(municipality_a=municipality_a, municipality_b=partner)
    closed = ForeignMunicipalityFactory(name_en="Closed", open_to_partners=False)
    closed.offers.set([energy])
    ForeignMunicipalityFactory(name_en="Unrelated")
    municipality_a.offers.add(CooperationAreaFactory(slug="tourism"))

    translation.activate("en")
    municipality = Municipality.objects.prefetch_related("offers", "needs").get(
        pk=municipality_a.pk
    )
    with django_assert_num_queries(4):
        suggestions = suggest_partners(municipality)
    assert [s.municipality for s in suggestions] == [best, good]
    assert suggestions[0].reasons == [
        "offers energy, which you need",
        "needs culture, which you offer",
        "similar in size",
        "in Germany, where you already have partners",
    ]


def test_suggestions_cross_the_border_and_skip_pairs_already_talking(
    django_assert_num_queries, municipality_a, official_a
):
    energy = CooperationAreaFactory(slug="s-energy")
    municipality_a.needs.set([energy])
    abroad = ForeignMunicipalityFactory(name_en="Abroad")
    asked = ForeignMunicipalityFactory(name_en="Asked")
    accepted = ForeignMunicipalityFactory(name_en="Accepted")
    declined = ForeignMunicipalityFactory(name_en="Declined")
    home = MunicipalityFactory(name_en="Home")
    crimea = Region.objects.create(
        code="UA01000000000013043", name_uk="Крим", name_en="Crimea", slug="crimea"
    )
    sevastopol = Region.objects.create(
        code="UA85000000000065278", name_uk="Севастополь", name_en="Sevastopol", slug="sev"
    )
    occupied = [
        MunicipalityFactory(region=crimea, occupied_since=OCCUPATION_START),
        MunicipalityFactory(region=sevastopol, occupied_since=OCCUPATION_START),
        MunicipalityFactory(occupied_since=datetime.date(2022, 3, 1)),  # marked by staff
    ]
    for candidate in [abroad, asked, accepted, declined, home, *occupied]:
        candidate.offers.set([energy])
    CooperationRequestFactory(from_municipality=municipality_a, to_municipality=asked)
    CooperationRequestFactory(
        from_municipality=accepted, to_municipality=municipality_a, status="accepted"
    )
    CooperationRequestFactory(
        from_municipality=municipality_a, to_municipality=declined, status="declined"
    )

    def suggested(municipality):
        municipality = Municipality.objects.prefetch_related("offers", "needs").get(
            pk=municipality.pk
        )
        with django_assert_num_queries(4):
            return {s.municipality.name_en for s in suggest_partners(municipality)}

    # A Ukrainian community: foreign municipalities only, not those it is talking to.
    assert suggested(municipality_a) == {"Abroad", "Declined"}
    # A foreign municipality: Ukrainian communities only, none in occupied regions.
    abroad.needs.set([energy])
    assert suggested(abroad) == {municipality_a.name_en, "Home"}
