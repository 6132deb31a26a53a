import pytest
from django.conf import settings
from django.urls import reverse

OFFERED = {code for code, _name in settings.LANGUAGES}


def expected(code: str) -> str:
    return code if code in OFFERED else "en"


@pytest.mark.parametrize(
    ("accept_language", "language"),
    [
        ("uk-UA,uk;q=0.9,en;q=0.8", "uk"),
        ("en-GB,en;q=0.9", "en"),
        ("fr-FR,fr;q=0.9,en;q=0.5", expected("fr")),
        ("pl-PL,pl;q=0.9", expected("pl")),
        ("de-DE,de;q=0.9,en;q=0.5", expected("de")),
        # Not offered: English, not Ukrainian.
        ("es-ES,es;q=0.9", "en"),
        ("ja", "en"),
        # A later choice in the list that we offer wins over English.
        ("es;q=1.0,uk;q=0.5", "uk"),
        # No preference at all: the default, Ukrainian.
        ("", "uk"),
        ("*", "uk"),
    ],
)
def test_root_redirects_to_the_negotiated_language(client, db, accept_language, language):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/"


def test_language_cookie_beats_the_browser(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/", headers={"accept-language": "uk"})
    assert response["Location"] == "/en/"


def test_prefixed_page_keeps_its_language_whatever_the_browser_asks(client, db):
    response = client.get(reverse("about"), headers={"accept-language": "es"})
    assert response.status_code == 200
    assert response["Content-Language"] == "uk"
