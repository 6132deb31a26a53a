"""Factories for every model the tests create; one place, shared by all test modules."""

import factory
from django.contrib.auth import get_user_model

from partnerships.choices import MunicipalityKind, PartnershipKind, PartnershipSource
from partnerships.models import CooperationArea, Municipality, Partnership, Region


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    code = factory.Sequence(lambda n: f"UA{n:017d}")
    name_uk = factory.Sequence(lambda n: f"Область {n}")
    name_en = factory.Sequence(lambda n: f"Oblast {n}")
    slug = factory.Sequence(lambda n: f"oblast-{n}")
    kind = "oblast"


class CooperationAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperationArea
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"area-{n}")
    name_uk = factory.Sequence(lambda n: f"Сфера {n}")
    name_en = factory.Sequence(lambda n: f"Area {n}")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    """A Ukrainian community; use ForeignMunicipalityFactory for one abroad."""

    class Meta:
        model = Municipality

    name_uk = factory.Sequence(lambda n: f"Громада {n}")
    name_en = factory.Sequence(lambda n: f"Hromada {n}")
    center_uk = factory.Sequence(lambda n: f"Місто {n}")
    center_en = factory.Sequence(lambda n: f"Misto {n}")
    slug = factory.Sequence(lambda n: f"hromada-{n}")
    registry_key = factory.Sequence(lambda n: f"UA{n:017d}")
    code = factory.LazyAttribute(lambda m: m.registry_key)
    country = "UA"
    region = factory.SubFactory(RegionFactory)
    kind = MunicipalityKind.URBAN
    population = 25_000
    latitude = 49.5
    longitude = 31.0


class ForeignMunicipalityFactory(MunicipalityFactory):
    name_uk = factory.Sequence(lambda n: f"Town {n}")
    name_en = factory.Sequence(lambda n: f"Town {n}")
    center_uk = ""
    center_en = ""
    slug = factory.Sequence(lambda n: f"de-town-{n}")
    registry_key = factory.Sequence(lambda n: f"de-town-{n}")
    code = ""
    country = "DE"
    region = None
    kind = MunicipalityKind.MUNICIPALITY
    latitude = 50.1
    longitude = 8.7


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    municipality_a = factory.SubFactory(MunicipalityFactory)
    municipality_b = factory.SubFactory(ForeignMunicipalityFactory)
    kind = PartnershipKind.TWINNING
    source = PartnershipSource.IMPORTED


# --- Memoranda (issue 4): officials and accepted requests -------------------------
# Named for the state they create, so they sit beside any general Official or
# CooperationRequest factories from the cooperation work without clashing.

from partnerships.choices import CooperationForm, OfficialStatus, RequestStatus  # noqa: E402
from partnerships.models import CooperationRequest, Official  # noqa: E402


class ApprovedOfficialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Official

    user = factory.SubFactory(UserFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    status = OfficialStatus.APPROVED
    position = "Голова громади"
    work_email = factory.LazyAttribute(lambda o: f"{o.user.username}@council.example.org")


class AcceptedRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperationRequest
        skip_postgeneration_save = True

    from_municipality = factory.SubFactory(MunicipalityFactory)
    to_municipality = factory.SubFactory(ForeignMunicipalityFactory)
    form = CooperationForm.TWINNING
    message = "Пропонуємо побратимство."
    contact_person = "Олена Коваль, радниця з міжнародних зв'язків, olena@example.org"
    status = RequestStatus.ACCEPTED

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)
