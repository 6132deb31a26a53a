import pytest


@pytest.fixture
def admin_records(memorandum, official_a, official_b, official_c, municipality_a, municipality_c):
    """Beside the memorandum of A and B: a partnership of A and C, C's request to B,
    and an application to act for C (municipalities in Ukraine and Poland)."""
    from tests.factories import CooperationRequestFactory, OfficialFactory, PartnershipFactory

    PartnershipFactory(municipality_a=municipality_a, municipality_b=municipality_c)
    CooperationRequestFactory(
        from_municipality=municipality_c, to_municipality=official_b.municipality
    )
    OfficialFactory(municipality=municipality_c, status="applied")


@pytest.fixture
def change_form_data():
    """change_form_data(response) → what the change form would post back, from its bound
    initial values."""

    def data_of(response) -> dict:
        form = response.context["adminform"].form
        data = {}
        for name in form.fields:
            value = form[name].value()
            if value is None:
                continue
            if isinstance(value, (list, tuple)):
                data[name] = [str(v) for v in value]
            elif isinstance(value, bool):
                if value:
                    data[name] = "on"
            else:
                data[name] = str(value)
        for formset in response.context["inline_admin_formsets"]:
            management = formset.formset.management_form
            for name in management.fields:
                data[f"{management.prefix}-{name}"] = management[name].value()
        return data

    return data_of
