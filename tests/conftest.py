import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _isolate(settings, tmp_path):
    """Uploads go to a temporary folder; every test starts in the default language."""
    settings.MEDIA_ROOT = tmp_path / "media"
    translation.activate("uk")
    yield
    translation.deactivate()


# --- Memoranda (issue 4) ---------------------------------------------------------
@pytest.fixture
def memo_world(db):
    """An accepted request between A (Ukraine) and B (abroad) with its memorandum open.

    Roles: officials of A and B (the parties), an official of an unrelated C,
    a plain signed-in user, staff. The memorandum is opened the way the
    accept service does it: by the request_accepted signal.
    """
    from types import SimpleNamespace

    from partnerships.models import CooperationRequest, Memorandum
    from partnerships.signals import request_accepted
    from tests.factories import (
        AcceptedRequestFactory,
        ApprovedOfficialFactory,
        CooperationAreaFactory,
        ForeignMunicipalityFactory,
        MunicipalityFactory,
        UserFactory,
    )

    a = MunicipalityFactory(name_uk="Ізюмська громада", name_en="Izium Hromada")
    b = ForeignMunicipalityFactory(
        name_uk="Ґрудзьондз", name_en="Grudziadz", name_native="Grudziądz", country="PL"
    )
    c = MunicipalityFactory(name_uk="Стороння громада", name_en="Outsider Hromada")
    official_a = ApprovedOfficialFactory(municipality=a).user
    official_b = ApprovedOfficialFactory(municipality=b).user
    official_c = ApprovedOfficialFactory(municipality=c).user
    areas = [
        CooperationAreaFactory(slug="memo-energy", name_uk="Енергетика", name_en="Energy"),
        CooperationAreaFactory(slug="memo-education", name_uk="Освіта", name_en="Education"),
    ]
    request = AcceptedRequestFactory(from_municipality=a, to_municipality=b, areas=areas)
    request_accepted.send(sender=CooperationRequest, cooperation_request=request, actor=official_b)
    return SimpleNamespace(
        a=a,
        b=b,
        c=c,
        request=request,
        memorandum=Memorandum.objects.get(request=request),
        official_a=official_a,
        official_b=official_b,
        official_c=official_c,
        user=UserFactory(),
        staff=UserFactory(is_staff=True),
    )
