"""Funding hints: the programmes (data staff edit in the admin) a pair may apply to."""

from partnerships.models import FundingProgramme, Municipality


def funding_hints(first: Municipality, second: Municipality) -> list[FundingProgramme]:
    """The current programmes whose rule admits the countries of the two (one query)."""
    countries = {str(first.country), str(second.country)}
    return [
        programme for programme in FundingProgramme.objects.current() if programme.admits(countries)
    ]
