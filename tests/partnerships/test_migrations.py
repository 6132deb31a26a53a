"""Data migrations of the partnerships app, run again on data shaped as they found it."""

import importlib

import pytest
from django.apps import apps

from partnerships.models import Memorandum, Municipality
from tests.factories import ForeignMunicipalityFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


SIGNATURES_BEFORE = [("partnerships", "0016_request_conversation")]
SIGNATURES_AFTER = [("partnerships", "0017_memorandum_second_language_and_signatures")]


@pytest.mark.django_db(transaction=True)
def test_second_language_migration_keeps_an_english_memorandum_and_its_one_sided_mark(
    memorandum, official_b
):
    """A Ukrainian–English memorandum marked signed by one side before signatures per
    side existed: its English text becomes the second language, English, word for
    word, and the mark becomes that side's signature; it stays signed."""
    import datetime

    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from partnerships.choices import MemorandumStatus

    english = {"parties_uk": memorandum.parties_uk, "purpose_uk": memorandum.purpose_uk}
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(SIGNATURES_BEFORE)
        old = executor.loader.project_state(SIGNATURES_BEFORE).apps
        old.get_model("partnerships", "Memorandum").objects.filter(pk=memorandum.pk).update(
            title_en="Memorandum on Twinning",
            purpose_en="The Parties establish twinning relations.",
            status="signed",
            signed_on=datetime.date(2025, 3, 12),
            signed_place="Grudziądz",
            signed_by_id=official_b.user_id,
            signed_scan="memoranda/old.pdf",
        )
        executor = MigrationExecutor(connection)
        executor.migrate(SIGNATURES_AFTER)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    m = Memorandum.objects.get()
    assert (m.language, m.title_other, m.purpose_other) == (
        "en",
        "Memorandum on Twinning",
        "The Parties establish twinning relations.",
    )
    assert {"parties_uk": m.parties_uk, "purpose_uk": m.purpose_uk} == english
    assert (m.status, m.signed_on) == (MemorandumStatus.SIGNED, datetime.date(2025, 3, 12))
    signature = m.signatures.get()  # the side that marked it; the other has none
    assert (signature.side, signature.place, signature.scan.name, signature.recorded_by) == (
        "b",
        "Grudziądz",
        "memoranda/old.pdf",
        official_b.user,
    )
    assert signature.signatory_position == official_b.position


pytestmark = pytest.mark.django_db

fill_names = importlib.import_module(
    "partnerships.migrations.0015_fill_ukrainian_name_source_and_search_key"
)


def test_data_migration_fills_the_search_key_and_keeps_names_written_in_cyrillic():
    izium = MunicipalityFactory(name_uk="Ізюмська міська громада", center_uk="Ізюм")
    kept = ForeignMunicipalityFactory(name_uk="Краків", name_en="Kraków", country="PL")
    latin = ForeignMunicipalityFactory(name_uk="Szczecin", name_en="Szczecin", country="PL")
    # As the rows were before the columns existed.
    Municipality.objects.update(search_key="", name_uk_source="")

    fill_names.fill(apps, schema_editor=None)

    izium.refresh_from_db()
    kept.refresh_from_db()
    latin.refresh_from_db()
    assert izium.search_key == " izumska miska hromada izum "
    assert (izium.name_uk_source, latin.name_uk_source) == ("", "")
    assert kept.name_uk_source == "edited"  # someone wrote it by hand: load_registry keeps it
    assert list(Municipality.objects.search("Щецін")) == [latin]
    assert list(Municipality.objects.search("Krakiv")) == [kept]


YEARLY_BEFORE = [("partnerships", "0019_yearly_plans_and_reports")]
YEARLY_AFTER = [("partnerships", "0021_yearly_document_in_two_languages")]


@pytest.mark.django_db(transaction=True)
def test_yearly_documents_move_to_two_columns_and_old_rows_get_their_own_submit_keys(
    municipality_a, municipality_b
):
    """Before: one text in the language it was written in, no submit keys. After: the
    text in its language's column, the partner's language beside Ukrainian (Polish for a
    Polish partner), and every activity and addition with a key of its own."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from partnerships.models import Activity, ActivityContribution, YearlyDocument

    executor = MigrationExecutor(connection)
    try:
        executor.migrate(YEARLY_BEFORE)
        old = executor.loader.project_state(YEARLY_BEFORE).apps
        pair = old.get_model("partnerships", "Partnership").objects.create(
            municipality_a_id=municipality_a.pk, municipality_b_id=municipality_b.pk
        )
        documents = old.get_model("partnerships", "YearlyDocument").objects
        documents.create(partnership=pair, kind="plan", year=2025, text="Культура", language="uk")
        documents.create(partnership=pair, kind="report", year=2025, text="Kultura", language="pl")
        activity = old.get_model("partnerships", "Activity")
        made = [
            activity.objects.create(
                partnership=pair,
                municipality_id=municipality_a.pk,
                happened_on="2025-01-01",
                kind="visit",
                title=f"Visit {n}",
            )
            for n in range(3)
        ]
        parts = old.get_model("partnerships", "ActivityContribution").objects
        for row in made:
            parts.create(activity=row, municipality_id=municipality_b.pk, note="Note")
        executor = MigrationExecutor(connection)
        executor.migrate(YEARLY_AFTER)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
    texts = {d.kind: (d.language, d.text_uk, d.text_other) for d in YearlyDocument.objects.all()}
    assert texts == {"plan": ("pl", "Культура", ""), "report": ("pl", "", "Kultura")}
    for model in (Activity, ActivityContribution):
        keys = list(model.objects.values_list("submit_key", flat=True))
        assert len(set(keys)) == 3 and None not in keys
