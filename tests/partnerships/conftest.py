"""What the partnerships tests share: the data the officials' forms post, and the
memorandum of A and B (tests/conftest.py) in each of its states.

`memorandum` is the draft opened when B accepted A's request (version 1);
`final_memorandum` is it agreed by both sides, `signed_memorandum` signed by
both sides' officials on 12.03.2027 (A in Kyiv, B in Grudziądz). For steps in the middle of a test,
`save_section`, `agree_both` and `mark_signed` do the same to `memorandum`,
which they keep up to date.
"""

import datetime

import pytest

from partnerships.choices import CooperationForm
from partnerships.services import requests as request_services

SIGNED_ON = datetime.date(2027, 3, 12)


@pytest.fixture
def cooperate_data():
    """cooperate_data(*areas, **extra) → what the Cooperate form posts for those areas."""

    def data(*areas, **extra):
        return {
            "areas": [area.pk for area in areas],
            "form": "twinning",
            "message": "We would like to twin and share our experience of rebuilding.",
            "contact_person": "Olena Kovalenko, +380 50 000 00 00",
            **extra,
        }

    return data


@pytest.fixture
def send_request():
    """send_request(official, to, **changes) → the request the official's municipality
    sends `to` through the service: a twinning, no areas named."""

    def send(official, to, **changes):
        return request_services.request_create(
            **{
                "user": official.user,
                "from_municipality": official.municipality,
                "to_municipality": to,
                "areas": [],
                "form": CooperationForm.TWINNING,
                "message": "Let us cooperate on energy.",
                "contact_person": "Olena",
                **changes,
            }
        )

    return send


@pytest.fixture
def profile_data():
    """profile_data(**extra) → what the profile form of one's municipality posts."""

    def data(**extra):
        return {
            "description_uk": "Опис",
            "description_en": "About us",
            "website": "https://example.org",
            "email": "rada@example.org",
            "open_to_partners": "on",
            **extra,
        }

    return data


@pytest.fixture
def apply_data():
    """What the form to act for a municipality posts."""
    return {
        "position": "Secretary",
        "work_email": "sec@rada.example.ua",
        "phone": "+380",
        "note": "",
    }


@pytest.fixture
def accepted_request(official_a, official_b):
    """A's request to B in two areas, accepted by B."""
    from tests.factories import AcceptedRequestFactory, CooperationAreaFactory

    return AcceptedRequestFactory(
        from_municipality=official_a.municipality,
        to_municipality=official_b.municipality,
        created_by=official_a.user,
        areas=[
            CooperationAreaFactory(slug="memo-energy", name_uk="Енергетика", name_en="Energy"),
            CooperationAreaFactory(slug="memo-education", name_uk="Освіта", name_en="Education"),
        ],
        contact_person="Олена Коваль, радниця з міжнародних зв'язків, olena@example.org",
    )


@pytest.fixture
def memorandum(accepted_request, official_b):
    """The draft, opened by B's official the way the accept service opens it."""
    from partnerships.memoranda.services import memorandum_open
    from partnerships.models import Memorandum

    memorandum_open(cooperation_request=accepted_request, actor=official_b.user)
    return Memorandum.objects.get(request=accepted_request)


@pytest.fixture
def save_section(memorandum, official_a):
    """save_section(section, uk, en, by=official, base=version) → whether a version was
    made; by official A on the current version unless told otherwise."""
    from partnerships.memoranda.services import memorandum_save_section

    def save(section="purpose", uk="Нова мета.", en="New purpose.", *, by=None, base=None):
        _saved, changed = memorandum_save_section(
            memorandum=memorandum,
            section=section,
            text_uk=uk,
            text_other=en,
            base_version=memorandum.version if base is None else base,
            actor=(by or official_a).user,
        )
        memorandum.refresh_from_db()
        return changed

    return save


@pytest.fixture
def agree_both(memorandum, official_a, official_b):
    """agree_both() → both sides agree to the current version: the memorandum is final."""
    from partnerships.memoranda.services import memorandum_agree

    def agree():
        memorandum.refresh_from_db()
        for official in (official_a, official_b):
            memorandum_agree(
                memorandum=memorandum,
                municipality=official.municipality,
                version=memorandum.version,
                actor=official.user,
            )
        memorandum.refresh_from_db()
        return memorandum

    return agree


@pytest.fixture
def sign_for(memorandum):
    """sign_for(official, place=..., version=current) → that official's side signs (no scan)."""
    from partnerships.memoranda.signing import SignatureDetails, memorandum_sign

    def sign(official, place="Київ", *, version=None):
        memorandum.refresh_from_db()
        memorandum_sign(
            memorandum=memorandum,
            municipality=official.municipality,
            version=memorandum.version if version is None else version,
            details=SignatureDetails(
                signed_on=SIGNED_ON,
                place=place,
                signatory_name=official.user.get_full_name(),
                signatory_position=official.position,
            ),
            actor=official.user,
        )
        memorandum.refresh_from_db()
        return memorandum

    return sign


@pytest.fixture
def mark_signed(memorandum, sign_for, official_a, official_b):
    """mark_signed() → both sides sign the final memorandum (A in Kyiv, B in Grudziądz)."""

    def sign():
        sign_for(official_a, "Київ")
        return sign_for(official_b, "Grudziądz")

    return sign


@pytest.fixture
def final_memorandum(agree_both):
    return agree_both()


@pytest.fixture
def signed_memorandum(final_memorandum, mark_signed):
    return mark_signed()


@pytest.fixture
def partnership(municipality_a, municipality_b):
    """A and B as partners (an imported link: no request, no memorandum)."""
    from tests.factories import PartnershipFactory

    return PartnershipFactory(municipality_a=municipality_a, municipality_b=municipality_b)
