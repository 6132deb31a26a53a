"""Officials, and requests between their municipalities through the portal's own services:
answered in proportion, accepted ones open memoranda, some agreed by both sides and signed."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from bench.seed.plan import log
from bench.seed.registry import Place
from bench.seed.text import Zipf, word_list


def cooperation(
    rng: random.Random, plan: dict[str, int], ukrainian: list[Place], foreign: list[Place]
) -> None:
    """Officials, then requests between their municipalities, answered in proportion;
    accepted ones open memoranda, some agreed by both sides and signed."""
    from django.contrib.auth import get_user_model

    from partnerships.choices import CooperationForm, OfficialStatus
    from partnerships.memoranda import services as memoranda
    from partnerships.memoranda import signing
    from partnerships.models import CooperationArea, Memorandum, Municipality, Official
    from partnerships.services import requests

    User = get_user_model()
    uk_words = word_list("uk")
    staff = User.objects.get(username="bench-staff")
    # A few busy municipalities and many quiet ones; official 0 acts for the busiest.
    candidates = [p[0] for p in ukrainian[:: max(1, len(ukrainian) // plan["officials"])]]
    candidates += [p[0] for p in foreign]
    rng.shuffle(candidates)
    municipality_pks = candidates[: plan["officials"]]
    users = list(User.objects.filter(pk__lte=plan["officials"]).order_by("pk"))
    zipf = Zipf(rng, len(municipality_pks), 1.1)
    # The benchmark signs in as official 0: they act for the busiest municipality.
    busiest = zipf.order[0]
    assigned = list(municipality_pks)
    assigned[0], assigned[busiest] = assigned[busiest], assigned[0]
    officials = [
        Official(
            user=user,
            municipality_id=pk,
            status=OfficialStatus.APPROVED,
            position="Голова громади" if i % 3 else "Секретар ради",
            work_email=user.email,
            language="uk" if i % 4 else "en",
            decided_by=staff,
            decided_at=user.date_joined,
        )
        for i, (user, pk) in enumerate(zip(users, assigned, strict=False))
    ]
    Official.objects.bulk_create(officials)
    by_municipality = {o.municipality_id: o.user for o in officials}
    users_by_pk = {user.pk: user for user in users}
    by_municipality = {pk: user.pk for pk, user in by_municipality.items()}
    municipalities = Municipality.objects.in_bulk(municipality_pks)
    areas = list(CooperationArea.objects.all())
    forms = [choice for choice, _ in CooperationForm.choices]
    busiest = municipality_pks[busiest]
    # The signed-in official's municipality states offers and needs (so its dashboard
    # suggests partners) at every size.
    home = municipalities[busiest]
    if not home.offers.exists():
        home.offers.set(areas[:2])
    if not home.needs.exists():
        home.needs.set(areas[2:4])

    made = 0
    attempts = 0
    while made < plan["requests"] and attempts < plan["requests"] * 5:
        attempts += 1
        sender_pk = municipality_pks[zipf.draw()] if rng.random() < 0.5 else busiest
        partner_pk = municipality_pks[zipf.draw()]
        if rng.random() < 0.5:
            sender_pk, partner_pk = partner_pk, sender_pk
        if sender_pk == partner_pk or sender_pk not in by_municipality:
            continue
        sender, partner = municipalities[sender_pk], municipalities[partner_pk]
        author = users_by_pk[by_municipality[sender_pk]]
        try:
            request = requests.request_create(
                user=author, from_municipality=sender, to_municipality=partner,
                areas=rng.sample(areas, rng.randint(1, 3)), form=rng.choice(forms),
                message=" ".join(rng.choice(uk_words) for _ in range(40)),
                contact_person=f"{author.email}, голова",
            )  # fmt: skip
        except requests.RequestError:
            continue
        made += 1
        answerer = users_by_pk.get(by_municipality.get(partner_pk))
        fate = rng.random()
        if answerer is None or fate < 0.35:
            continue  # stays open
        if fate < 0.5:
            requests.request_decline(cooperation_request=request, user=answerer, reply="Ні")
            continue
        if fate < 0.55:
            requests.request_withdraw(cooperation_request=request, user=author)
            continue
        requests.request_accept(cooperation_request=request, user=answerer, reply="Так")
        memorandum = Memorandum.objects.get(request=request)
        if rng.random() < 0.5:
            continue  # drafting
        for municipality, user in ((sender, author), (partner, answerer)):
            memoranda.memorandum_agree(
                memorandum=memorandum, municipality=municipality, version=memorandum.version,
                actor=user,
            )  # fmt: skip
        if rng.random() < 0.6:
            # Each side signs the version both agreed; the second signature makes the
            # partnership.
            signed_on = datetime.now(UTC).date() - timedelta(days=rng.randint(1, 900))
            for municipality, user in ((sender, author), (partner, answerer)):
                signing.memorandum_sign(
                    memorandum=memorandum, municipality=municipality,
                    version=memorandum.version, actor=user,
                    details=signing.SignatureDetails(
                        signed_on=signed_on, place=municipality.name,
                        signatory_name="", signatory_position="",
                    ),
                )  # fmt: skip
    log(f"  {made} requests, {Memorandum.objects.count()} memoranda")
