"""Factories for every model the tests create; one place, shared by all test modules."""

from datetime import date, timedelta

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from news.models import Article, ArticleStatus, Comment
from partnerships.choices import (
    CooperationForm,
    MunicipalityKind,
    OfficialStatus,
    PartnershipKind,
    PartnershipSource,
    RequestStatus,
)
from partnerships.models import (
    Activity,
    ActivityContribution,
    CooperationArea,
    CooperationRequest,
    Municipality,
    Official,
    Partnership,
    Region,
)


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


class VerifiedUserFactory(UserFactory):
    """A user whose e-mail allauth has verified, so they can sign in and comment."""

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def verified_email(user, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.get_or_create(
                user=user, email=user.email, defaults={"verified": True, "primary": True}
            )


# --- Officials and requests for cooperation ---------------------------------------------


class OfficialFactory(factory.django.DjangoModelFactory):
    """An approved official; pass status=OfficialStatus.APPLIED for an application."""

    class Meta:
        model = Official

    user = factory.SubFactory(VerifiedUserFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    status = OfficialStatus.APPROVED
    position = "Secretary of the council"
    work_email = factory.LazyAttribute(lambda o: f"work-{o.user.username}@example.org")
    language = "uk"


class CooperationRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperationRequest
        skip_postgeneration_save = True

    from_municipality = factory.SubFactory(MunicipalityFactory)
    to_municipality = factory.SubFactory(ForeignMunicipalityFactory)
    form = CooperationForm.TWINNING
    message = "We would like to share our experience of rebuilding schools."
    contact_person = "Olena Kovalenko, secretary, +380 50 000 00 00"
    status = RequestStatus.SUBMITTED

    @factory.post_generation
    def areas(request, create, extracted, **kwargs):
        if create and extracted:
            request.areas.set(extracted)


# --- Memoranda: officials and requests in the state a memorandum starts from -------------

ApprovedOfficialFactory = OfficialFactory


class AcceptedRequestFactory(CooperationRequestFactory):
    status = RequestStatus.ACCEPTED


class ActivityFactory(factory.django.DjangoModelFactory):
    """A draft recorded by side A of its partnership; PublishedActivityFactory for a public one."""

    class Meta:
        model = Activity

    partnership = factory.SubFactory(PartnershipFactory)
    municipality = factory.LazyAttribute(lambda activity: activity.partnership.municipality_a)
    happened_on = date(2026, 5, 14)
    kind = "visit"
    title = factory.Sequence(lambda n: f"Activity {n}")
    description = "What we did together."
    language = "en"


class PublishedActivityFactory(ActivityFactory):
    status = "published"
    published_at = factory.LazyFunction(timezone.now)


class ActivityContributionFactory(factory.django.DjangoModelFactory):
    """A note added to an activity by its recording side; pass municipality for the other."""

    class Meta:
        model = ActivityContribution

    activity = factory.SubFactory(PublishedActivityFactory)
    municipality = factory.LazyAttribute(lambda part: part.activity.municipality)
    note = "A note."


# --- News ------------------------------------------------------------------------------


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title_uk = factory.Sequence(lambda n: f"Новина {n}")
    title_en = factory.Sequence(lambda n: f"News {n}")
    lead_uk = "Коротко про подію."
    lead_en = "The event in short."
    body_uk = "<p>Текст новини.</p>"
    body_en = "<p>The story.</p>"
    slug = factory.Sequence(lambda n: f"news-{n}")
    status = ArticleStatus.PUBLISHED
    published_at = factory.Sequence(lambda n: timezone.now() - timedelta(hours=n + 1))


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    article = factory.SubFactory(ArticleFactory)
    author = factory.SubFactory(VerifiedUserFactory)
    body = factory.Sequence(lambda n: f"Comment {n}")
