"""axe-core on every public page type and the main forms, in every offered language.

The pages must have no serious or critical violation, blank or with the errors of a
form sent wrongly. axe is vendored (tests/browser/vendor, see VERSION there) and
injected by the browser as an init script: it bypasses the portal's Content Security
Policy, which admits no inline script, and is never served to users.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser.support import BROWSER_TESTS, languages, screenshot, send, url

pytestmark = BROWSER_TESTS

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text("utf-8")
BLOCKING = ("serious", "critical")
# axe's result, cut to what a developer needs to find the element in the template.
RUN_AXE = """async (blocking) => {
    const results = await axe.run(document, {resultTypes: ["violations"]});
    return results.violations
        .filter((violation) => blocking.includes(violation.impact))
        .map((violation) => ({
            rule: violation.id,
            impact: violation.impact,
            help: violation.help,
            nodes: violation.nodes.slice(0, 5).map(
                (node) => node.target.join(" ") + "  " + node.html.slice(0, 160)
            ),
        }));
}"""


def blocking_violations(page) -> list[dict]:
    return page.evaluate(RUN_AXE, list(BLOCKING))


def describe(found: dict[str, list[dict]]) -> str:
    lines = []
    for where, violations in found.items():
        for violation in violations:
            lines.append(
                f"{where}: {violation['rule']} ({violation['impact']}): {violation['help']}"
            )
            lines += [f"    {node}" for node in violation["nodes"]]
    return "\n".join(lines)


# --- How a form is sent wrongly ----------------------------------------------------------


def send_blank(form: str) -> Callable:
    """Empty every text field of the form and send it."""

    def spoil(page) -> None:
        fields = page.locator(f"{form} :is(textarea, input:not([type=hidden]))")
        for field in fields.all():
            if field.get_attribute("type") == "checkbox":
                field.uncheck()
            elif field.get_attribute("type") == "radio":
                continue  # a choice once made cannot be taken back
            elif field.get_attribute("type") != "file" and field.is_editable():
                field.fill("")
        send(page, form)

    return spoil


def send_with(**values: str) -> Callable:
    """Fill in these fields of the page's main form (wrongly) and send it."""

    def spoil(page) -> None:
        for name, value in values.items():
            page.fill(f"main form [name={name}]", value)
        send(page)

    return spoil


# --- The pages ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    name: str
    path: Callable  # (world, language) -> path
    who: str | None = None  # the world's user who looks at it; None: nobody signed in
    status: int = 200
    spoil: Callable | None = None  # sends its form wrongly; None: no form to send
    errors: str = ".error-summary"  # what shows that the form came back with errors
    prepare: Callable | None = None  # brings the world into the state the page needs
    picture: bool = False  # a screenshot for the artefacts
    ready: str | None = None  # what a script draws after load, to wait for before axe


def memorandum_final(world) -> None:
    from partnerships.memoranda.services import memorandum_agree

    memorandum = world.memorandum
    memorandum_agree(memorandum=memorandum, municipality=world.a, version=1, actor=world.official_a)
    memorandum_agree(memorandum=memorandum, municipality=world.e, version=1, actor=world.official_e)


def memorandum_second_version(world) -> None:
    from partnerships.memoranda.services import memorandum_save_section

    memorandum_save_section(
        memorandum=world.memorandum,
        section="purpose",
        text_uk="Сторони встановлюють побратимські відносини.",
        text_other="The Parties establish twinning relations.",
        base_version=1,
        actor=world.official_a,
    )


def yearly_plan_agreed(world) -> None:
    from django.utils import timezone

    from partnerships.models import YearlyDocument

    world.yearly_plan, _new = YearlyDocument.objects.get_or_create(
        partnership=world.partnership,
        kind="plan",
        year=2026,
        defaults={
            "text_uk": "Культура: обмін молоді.\n\nОсвіта: партнерство шкіл.",
            "status": "agreed",
            "agreed_at": timezone.now(),
        },
    )


MAP_READY = ".live-map--ready"
PUBLIC = [
    Page("home", lambda w, lang: url("home", lang), picture=True),
    Page("news-list", lambda w, lang: url("news:article-list", lang), picture=True),
    Page("topic", lambda w, lang: url("news:tag", lang, slug=w.topic.slug)),
    Page("region", lambda w, lang: url("news:region", lang, slug=w.region.slug)),
    Page("article", lambda w, lang: url("news:article-detail", lang, slug=w.article.slug), picture=True),
    Page("directory", lambda w, lang: url("partnerships:municipality-list", lang), picture=True),
    Page(
        "directory-filtered",
        lambda w, lang: url("partnerships:municipality-list", lang) + "?q=xyzzy&country=UA",
    ),
    Page("profile", lambda w, lang: url("partnerships:municipality-detail", lang, slug=w.a.slug), picture=True, ready=MAP_READY),
    Page("profile-abroad", lambda w, lang: url("partnerships:municipality-detail", lang, slug=w.b.slug)),
    Page("partnership", lambda w, lang: url("partnerships:partnership-detail", lang, pk=w.partnership.pk)),
    Page("yearly-plan", lambda w, lang: url("partnerships:yearly-detail", lang, pk=w.yearly_plan.pk), prepare=yearly_plan_agreed),
    Page("map", lambda w, lang: url("partnerships:map", lang), picture=True, ready=MAP_READY),
    Page("map-filtered", lambda w, lang: url("partnerships:map", lang) + f"?region={w.region.slug}&focus={w.a.slug}", ready=MAP_READY),
    Page("statistics", lambda w, lang: url("partnerships:statistics", lang), picture=True),
    Page("api-docs", lambda w, lang: url("api-docs", lang), picture=True, ready="#api-explorer .opblock"),
    Page("about", lambda w, lang: url("about", lang)),
    Page("about-data", lambda w, lang: url("about-data", lang)),
    Page("accessibility", lambda w, lang: url("accessibility", lang)),
    Page("sign-in", lambda w, lang: url("account_login", lang), spoil=send_with(login="reader@example.org", password="not the password"), errors=".errorlist, .error-summary"),
    Page("sign-up", lambda w, lang: url("account_signup", lang), spoil=send_with(email="new@example.org", password1="correct horse battery staple", password2="another horse"), errors=".errorlist, .error-summary", picture=True),
    Page("password-reset", lambda w, lang: url("account_reset_password", lang)),
    Page("not-found", lambda w, lang: url("home", lang) + "no-such-page/", status=404),
]  # fmt: skip

FORMS = [
    Page(
        "comment",
        lambda w, lang: url("news:article-detail", lang, slug=w.article.slug),
        who="reader",
        status=200,
        spoil=send_blank(".comment-form"),
        picture=True,
    ),
    Page(
        "cooperate",
        lambda w, lang: url("partnerships:cooperate", lang, slug=w.b.slug),
        who="official_a",
        spoil=send_blank("main form.stack"),
        picture=True,
    ),
    Page(
        "cooperate-not-an-official",
        lambda w, lang: url("partnerships:cooperate", lang, slug=w.b.slug),
        who="reader",
        status=403,
    ),
    Page(
        "official-application",
        lambda w, lang: url("partnerships:official-apply", lang, slug=w.c.slug),
        who="reader",
        spoil=send_blank("main form"),
    ),
    Page(
        "profile-edit",
        lambda w, lang: url("partnerships:profile-edit", lang),
        who="official_a",
        spoil=send_with(website="not a web address"),
    ),
    Page(
        "memorandum-edit",
        lambda w, lang: url(
            "partnerships:memorandum-section-edit", lang, pk=w.memorandum.pk, section="purpose"
        ),
        who="official_a",
        spoil=send_blank("main form"),
    ),
    Page(
        "sign",
        lambda w, lang: url("partnerships:memorandum-sign", lang, pk=w.memorandum.pk),
        who="official_a",
        spoil=send_blank("main form"),
        prepare=memorandum_final,
    ),
    Page(
        "request-answer",
        lambda w, lang: url("partnerships:request-detail", lang, pk=w.incoming.pk),
        who="official_a",
    ),
    Page("dashboard", lambda w, lang: url("partnerships:dashboard", lang), who="official_a", picture=True),
    Page(
        "memorandum",
        lambda w, lang: url("partnerships:memorandum-detail", lang, pk=w.memorandum.pk),
        who="official_a",
        picture=True,
    ),
    Page("partnership-official", lambda w, lang: url("partnerships:partnership-detail", lang, pk=w.partnership.pk), who="official_a"),
    Page(
        "activity-record",
        lambda w, lang: url("partnerships:activity-create", lang, pk=w.partnership.pk),
        who="official_a",
        spoil=send_blank("main form"),
    ),
    Page("memoranda", lambda w, lang: url("partnerships:memorandum-list", lang), who="official_a"),
    Page(
        "memorandum-compare",
        lambda w, lang: url("partnerships:memorandum-compare", lang, pk=w.memorandum.pk),
        who="official_a",
        prepare=memorandum_second_version,
    ),
    Page("e-mail-addresses", lambda w, lang: url("account_email", lang), who="reader"),
    Page("notifications", lambda w, lang: url("core:notification-list", lang), who="official_a", prepare=memorandum_second_version),
    Page("notification-settings", lambda w, lang: url("core:notification-settings", lang), who="reader"),
]  # fmt: skip


@pytest.fixture
def visitor(person):
    """visitor(user) → a page whose every document gets axe before its own scripts."""

    def open_page(user=None):
        return person(user, init_script=AXE)

    return open_page


@pytest.mark.parametrize("target", PUBLIC + FORMS, ids=lambda target: target.name)
def test_page_has_no_serious_accessibility_violations(visitor, world, target):
    if target.prepare:
        target.prepare(world)
    page = visitor(getattr(world, target.who) if target.who else None)
    found = {}
    for language in languages():
        path = target.path(world, language)
        response = page.goto(path)
        assert response.status == target.status, path
        assert page.locator("html").get_attribute("lang") == language
        if target.ready:
            page.locator(target.ready).first.wait_for()
        found[f"{target.name} ({language})"] = blocking_violations(page)
        if target.picture:
            screenshot(page, f"{target.name}-{language}")
        if target.spoil:
            target.spoil(page)
            assert page.locator(target.errors).first.is_visible(), f"{path}: no errors shown"
            found[f"{target.name} with errors ({language})"] = blocking_violations(page)
    assert not any(found.values()), "\n" + describe(found)


def test_axe_reports_serious_violations_planted_in_a_page(visitor, world):
    """The check above can fail: a button without a name, a field without a label and
    pale grey text on the page's white, put into the home page, are all found."""
    page = visitor()
    page.goto(url("home", "uk"))
    page.evaluate(
        """() => {
            const main = document.querySelector("main");
            main.insertAdjacentHTML(
                "beforeend", '<button type="button"></button><input type="text" id="unlabelled">'
            );
            const faint = document.createElement("p");
            faint.textContent = "Hardly legible";
            faint.style.color = "#d0d0d0";  // set through the DOM: CSP blocks style attributes
            main.append(faint);
        }"""
    )
    rules = {violation["rule"] for violation in blocking_violations(page)}
    assert {"button-name", "label", "color-contrast"} <= rules
