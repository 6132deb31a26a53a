"""Fixtures of the browser tests: one Chromium per test worker, a context per person.

pytest-playwright gives the session-scoped `browser` and a fresh `context`/`page` per
test; this file points it at Debian's Chromium (never a downloaded one), at the live
server, and at a reader's User-Agent.
"""

import os
from types import SimpleNamespace

import pytest

from tests.browser.support import CHROMIUM, CHROMIUM_ARGS, DESKTOP_AGENT, session_cookie

# Playwright's sync API keeps an event loop running in this thread for the whole
# session; the ORM calls made by the tests and the live server are ours, not async.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    return {
        **browser_context_args,
        "base_url": live_server.url,
        "user_agent": DESKTOP_AGENT,
        "viewport": {"width": 1280, "height": 800},
    }


@pytest.fixture
def browser_problems() -> list[str]:
    """What the portal must never cause, in any page of the test: a script or style the
    Content Security Policy blocks, or an uncaught JavaScript error."""
    return []


@pytest.fixture
def new_context(new_context, browser_problems):
    """Contexts that note the test's browser problems; any of them fails the test
    (at its teardown)."""

    def note_console(message):
        if message.type == "error" and "Content Security Policy" in message.text:
            browser_problems.append(f"{message.location.get('url')}: {message.text}")

    def note_error(error):
        browser_problems.append(f"JavaScript error: {error.error}")

    def create(**kwargs):
        context = new_context(**kwargs)
        context.on("console", note_console)
        context.on("weberror", note_error)
        return context

    yield create
    assert browser_problems == [], "\n".join(browser_problems)


@pytest.fixture
def person(new_context, live_server):
    """person(user) → a page in a browser of that person's own (None: nobody signed in);
    `init_script` runs in every document before its own scripts."""

    def open_page(user=None, *, init_script: str = "", **context_args):
        context = new_context(**context_args)
        if init_script:
            context.add_init_script(script=init_script)
        if user is not None:
            context.add_cookies([session_cookie(user, live_server.url)])
        return context.new_page()

    return open_page


@pytest.fixture
def console_errors(page):
    """Every console error of the `page` fixture's page."""
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    return errors


@pytest.fixture
def world(db):
    """The portal with a little of everything, for the journeys and the page checks.

    A: a Ukrainian community with an approved official (Ukrainian); B: a town abroad
    with an approved official (English), no request between A and B yet; C: a
    community nobody acts for; D: A's partner since long ago; E: a town abroad with
    which A drafts a memorandum; F: a town abroad whose request A has not answered yet. News on a topic and a region, with comments; a
    verified reader; staff.
    """
    from partnerships.memoranda.services import memorandum_open
    from partnerships.models import Memorandum
    from tests.factories import (
        AcceptedRequestFactory,
        ArticleFactory,
        CommentFactory,
        CooperationAreaFactory,
        CooperationRequestFactory,
        ForeignMunicipalityFactory,
        MunicipalityFactory,
        OfficialFactory,
        PartnershipFactory,
        RegionFactory,
        VerifiedUserFactory,
    )

    energy = CooperationAreaFactory(slug="energy", name_uk="Енергетика", name_en="Energy")
    education = CooperationAreaFactory(slug="education", name_uk="Освіта", name_en="Education")
    region = RegionFactory(
        name_uk="Харківська область", name_en="Kharkiv Oblast", slug="kharkivska"
    )
    a = MunicipalityFactory(
        name_uk="Ізюмська міська громада",
        name_en="Izium Urban Hromada",
        center_uk="Ізюм",
        center_en="Izium",
        slug="iziumska",
        region=region,
        email="rada@izium.example.org",
        description_uk="Громада відбудовує школи й лікарню після деокупації.",
        description_en="The community rebuilds its schools and hospital after liberation.",
        latitude=49.21,
        longitude=37.26,
    )
    a.needs.set([energy])
    a.offers.set([education])
    b = ForeignMunicipalityFactory(
        name_uk="Ґрудзьондз",
        name_en="Grudziadz",
        name_native="Grudziądz",
        slug="grudziadz",
        country="PL",
        email="urzad@grudziadz.example.org",
        latitude=53.48,
        longitude=18.75,
    )
    b.offers.set([energy])
    c = MunicipalityFactory(
        name_uk="Балаклійська міська громада", name_en="Balakliia Urban Hromada", slug="balakliiska",
        region=region,
    )  # fmt: skip
    d = ForeignMunicipalityFactory(name_uk="Лінц", name_en="Linz", slug="linz", country="AT")
    e = ForeignMunicipalityFactory(name_uk="Тарту", name_en="Tartu", slug="tartu", country="EE")
    f = ForeignMunicipalityFactory(name_uk="Люблін", name_en="Lublin", slug="lublin", country="PL")
    partnership = PartnershipFactory(municipality_a=a, municipality_b=d)
    official_a = OfficialFactory(
        municipality=a, language="uk", user__email="olena@izium.example.org"
    )
    official_b = OfficialFactory(
        municipality=b, language="en", user__email="jan@grudziadz.example.org"
    )
    official_e = OfficialFactory(municipality=e, language="en")
    official_f = OfficialFactory(municipality=f, language="en")

    articles = []
    for n, (title_uk, title_en) in enumerate(
        [
            ("Ізюм відкрив відбудовану школу", "Izium opens its rebuilt school"),
            ("Громади Харківщини шукають партнерів", "Kharkiv communities look for partners"),
            ("Енергетичні проєкти побратимів", "Energy projects of twin towns"),
        ]
    ):
        article = ArticleFactory(
            title_uk=title_uk,
            title_en=title_en,
            slug=f"story-{n}",
            lead_uk="Партнери з-за кордону допомогли з обладнанням і навчанням.",
            lead_en="Partners from abroad helped with equipment and training.",
            body_uk="<p>Учні повернулися до класів.</p><p>Наступним буде спортивний зал.</p>",
            body_en="<p>The pupils are back in class.</p><p>The gym comes next.</p>",
        )
        article.tags.add("відбудова")
        article.regions.add(region)
        article.communities.add(a)
        articles.append(article)
    reader = VerifiedUserFactory(email="reader@example.org")
    CommentFactory(article=articles[0], author=reader, body="Чудова новина, дякуємо партнерам!")
    CommentFactory(article=articles[0], body="Congratulations to Izium!")

    request = AcceptedRequestFactory(
        from_municipality=a,
        to_municipality=e,
        created_by=official_a.user,
        areas=[education],
        contact_person="Олена Коваль, olena@izium.example.org",
    )
    memorandum_open(cooperation_request=request, actor=official_e.user)
    incoming = CooperationRequestFactory(
        from_municipality=f,
        to_municipality=a,
        created_by=official_f.user,
        areas=[energy, education],
        message="Lublin would like to share its experience of district heating.",
        contact_person="Anna Nowak, international office, anna@lublin.example.org",
    )
    staff = VerifiedUserFactory(email="staff@example.org", is_staff=True, is_superuser=True)
    return SimpleNamespace(
        energy=energy,
        education=education,
        region=region,
        topic=articles[0].tags.get(),
        a=a,
        b=b,
        c=c,
        d=d,
        e=e,
        f=f,
        incoming=incoming,
        official_a=official_a.user,
        official_b=official_b.user,
        official_e=official_e.user,
        articles=articles,
        article=articles[0],
        reader=reader,
        memorandum=Memorandum.objects.get(request=request),
        partnership=partnership,
        staff=staff,
    )
