"""The clauses of a Memorandum on Twinning, in Ukrainian and English.

They follow the usual structure of municipal twinning agreements (parties,
purpose, areas and forms of cooperation, obligations, coordinators, duration,
amendment and termination, final provisions) and are filled in from the two
profiles and the accepted request. They are a starting point: both sides then
edit every section on the portal.

Headings are fixed; only the section texts are edited.
"""

from dataclasses import dataclass

from django.utils import translation

from partnerships.choices import CooperationForm


@dataclass(frozen=True)
class Section:
    key: str
    number: int  # its place among all sections; see numbering() for the printed number
    heading_uk: str
    heading_en: str
    # A core section always has text in both languages. An optional clause may be
    # emptied in both at once: it is then left out, and the sections after it
    # move up one number. The core sections come first up to section 4, so the
    # obligations' own "5.1"-"5.3" stay right whatever is left out.
    required: bool = False


SECTIONS: tuple[Section, ...] = (
    Section("parties", 1, "Сторони", "The Parties", required=True),
    Section("purpose", 2, "Мета", "Purpose", required=True),
    Section("areas", 3, "Напрями співпраці", "Areas of cooperation", required=True),
    Section("forms", 4, "Форми співпраці", "Forms of cooperation", required=True),
    Section("obligations", 5, "Зобов'язання Сторін", "Obligations of the Parties"),
    Section("coordination", 6, "Координатори та контакти", "Coordinators and contacts"),
    Section("duration", 7, "Строк дії", "Duration"),
    Section("amendment", 8, "Зміни та припинення", "Amendment and termination"),
    Section("final", 9, "Прикінцеві положення", "Final provisions", required=True),
)
SECTION_KEYS: tuple[str, ...] = tuple(section.key for section in SECTIONS)
SECTIONS_BY_KEY: dict[str, Section] = {section.key: section for section in SECTIONS}


def numbering(document) -> dict[str, int | None]:
    """Section key → its number in this memorandum or version; None if left out."""
    numbers, number = {}, 0
    for section in SECTIONS:
        present = (
            section.required
            or getattr(document, f"{section.key}_uk")
            or getattr(document, f"{section.key}_en")
        )
        if present:
            number += 1
        numbers[section.key] = number if present else None
    return numbers


# (title uk, title en, relationship uk, relationship en) by form of cooperation.
TITLES: dict[str, tuple[str, str, str, str]] = {
    CooperationForm.TWINNING: (
        "Меморандум про побратимство",
        "Memorandum on Twinning",
        "побратимські відносини",
        "twinning relations",
    ),
    CooperationForm.PARTNERSHIP_AGREEMENT: (
        "Меморандум про партнерство",
        "Memorandum of Partnership",
        "партнерські відносини",
        "partnership relations",
    ),
    CooperationForm.PROJECT_COOPERATION: (
        "Меморандум про співпрацю",
        "Memorandum of Cooperation",
        "відносини проєктної співпраці",
        "relations of project cooperation",
    ),
    CooperationForm.HUMANITARIAN_HELP: (
        "Меморандум про гуманітарну співпрацю",
        "Memorandum on Humanitarian Cooperation",
        "відносини гуманітарної співпраці",
        "relations of humanitarian cooperation",
    ),
}


def _country(municipality, language: str) -> str:
    with translation.override(language):
        return str(municipality.country.name)


def party_place(municipality, language: str) -> str:
    parts = [_country(municipality, language)]
    if municipality.region_id:
        parts.append(getattr(municipality.region, f"name_{language}") or municipality.region.name)
    return ", ".join(parts)


def party_name(municipality, language: str) -> str:
    name = getattr(municipality, f"name_{language}") or municipality.name
    if language == "en" and municipality.name_native and municipality.name_native != name:
        name = f"{name} ({municipality.name_native})"
    return name


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"— {line};" for line in lines[:-1]) + (f"\n— {lines[-1]}." if lines else "")


def short_name(municipality, language: str) -> str:
    """The name alone, for a mention inside a clause (no native name in brackets)."""
    return getattr(municipality, f"name_{language}") or municipality.name


@dataclass(frozen=True)
class Coordinator:
    """Who coordinates for a party: an official's name and work contacts."""

    full_name: str
    position: str
    email: str
    phone: str


TO_BE_DESIGNATED = {"uk": "буде визначено", "en": "to be designated"}
PARTY_LABELS = {"uk": ("Сторона 1", "Сторона 2"), "en": ("Party 1", "Party 2")}


def _coordinator(coordinator: Coordinator | None, municipality, label: str, language: str) -> str:
    """'Party 1 — Name: Full Name, position, e-mail, phone' in one language.

    A name is a name in both columns; without one the person is "to be
    designated" in each column's own language. Free text typed in one language
    (the request's contact person) is never copied into the other column.
    """
    details = (
        [coordinator.position, coordinator.email, coordinator.phone]
        if coordinator is not None
        else [municipality.email]
    )
    details = ", ".join(detail for detail in details if detail)
    if coordinator is not None and coordinator.full_name:
        who = ", ".join(part for part in (coordinator.full_name, details) if part)
    else:
        who = "; ".join(part for part in (TO_BE_DESIGNATED[language], details) if part)
    return f"{label} — {short_name(municipality, language)}: {who}"


def _obligations(party_a, party_b, language: str) -> str:
    first, second = PARTY_LABELS[language]
    name_a, name_b = short_name(party_a, language), short_name(party_b, language)
    if language == "uk":
        # "Стороні 2" / "Сторону 2": the other party in the dative and accusative.
        def of_party(label, name, other_dative, other_accusative):
            return f"{label} ({name}) зобов'язується:\n" + _bullets(
                [
                    "призначити координатора співпраці та повідомити "
                    f"{other_dative} його контактні дані",
                    "залучати до спільної роботи свої установи, підприємства, громадські "
                    "організації та мешканців",
                    f"своєчасно інформувати {other_accusative} про програми та проєкти, "
                    "до яких Сторони можуть долучитися спільно",
                ]
            )

        both = "Обидві Сторони:\n" + _bullets(
            [
                "щороку погоджують план спільних заходів і підбивають підсумки його виконання",
                "щороку оприлюднюють звіт про результати співпраці",
                "несуть витрати, пов'язані з виконанням цього Меморандуму, кожна в межах "
                "власного бюджету, якщо інше не погоджено письмово",
            ]
        )
        clauses = [
            of_party(first, name_a, "Стороні 2", "Сторону 2"),
            of_party(second, name_b, "Стороні 1", "Сторону 1"),
            both,
        ]
    else:

        def of_party(label, name, other):
            return f"{label} ({name}) undertakes to:\n" + _bullets(
                [
                    f"appoint a coordinator of the cooperation and give {other} their "
                    "contact details",
                    "involve its institutions, businesses, civil society organisations and "
                    "residents in the joint work",
                    f"inform {other} in good time of programmes and projects the Parties "
                    "could join together",
                ]
            )

        both = "Both Parties:\n" + _bullets(
            [
                "agree every year on a plan of joint activities and review its results",
                "publish every year a report on the results of the cooperation",
                "each bear their own costs of implementing this Memorandum within their own "
                "budget, unless agreed otherwise in writing",
            ]
        )
        clauses = [of_party(first, name_a, "Party 2"), of_party(second, name_b, "Party 1"), both]
    return "\n".join(f"5.{number}. {clause}" for number, clause in enumerate(clauses, start=1))


def initial_text(
    *,
    party_a,
    party_b,
    form: str,
    areas: list,
    coordinator_a: Coordinator | None,
    coordinator_b: Coordinator | None,
) -> dict[str, str]:
    """Every field of a fresh memorandum: title_uk/en and <section>_uk/en."""
    title_uk, title_en, relation_uk, relation_en = TITLES.get(
        form, TITLES[CooperationForm.TWINNING]
    )
    a_uk, a_en, b_uk, b_en = (
        party_name(party_a, "uk"),
        party_name(party_a, "en"),
        party_name(party_b, "uk"),
        party_name(party_b, "en"),
    )
    areas_uk = [area.name_uk or area.name for area in areas]
    areas_en = [area.name_en or area.name for area in areas]
    text = {
        "title_uk": title_uk,
        "title_en": title_en,
        "parties_uk": (
            f"{a_uk} ({party_place(party_a, 'uk')}) в особі уповноваженої посадової особи, "
            f"з однієї сторони, та {b_uk} ({party_place(party_b, 'uk')}) в особі уповноваженої "
            "посадової особи, з іншої сторони (далі разом — «Сторони»), керуючись принципами "
            "Європейської хартії місцевого самоврядування та прагнучи розвивати дружні "
            "зв'язки між своїми громадами, уклали цей Меморандум про таке."
        ),
        "parties_en": (
            f"{a_en} ({party_place(party_a, 'en')}), represented by its authorised official, "
            f"of the one part, and {b_en} ({party_place(party_b, 'en')}), represented by its "
            "authorised official, of the other part (together “the Parties”), guided by the "
            "principles of the European Charter of Local Self-Government and wishing to "
            "develop friendly ties between their communities, have agreed as follows."
        ),
        "purpose_uk": (
            f"Сторони встановлюють {relation_uk} з метою довгострокової взаємовигідної "
            "співпраці між своїми громадами, установами, підприємствами та мешканцями, "
            "обміну досвідом і підтримки відновлення та сталого розвитку громад."
        ),
        "purpose_en": (
            f"The Parties establish {relation_en} for long-term, mutually beneficial "
            "cooperation between their communities, institutions, businesses and residents, "
            "for the exchange of experience and in support of the recovery and sustainable "
            "development of their communities."
        ),
        "areas_uk": "Сторони співпрацюють, зокрема, у таких напрямах:\n"
        + _bullets([*areas_uk, "інших сферах, що становлять взаємний інтерес"]),
        "areas_en": "The Parties cooperate in particular in the following areas:\n"
        + _bullets([*areas_en, "other fields of mutual interest"]),
        "forms_uk": "Співпраця здійснюється, зокрема, у формі:\n"
        + _bullets(
            [
                "обміну офіційними делегаціями, фахівцями та досвідом",
                "спільних проєктів, зокрема за підтримки міжнародних програм",
                "обмінів між навчальними закладами, молоддю, культурними та спортивними колективами",
                "гуманітарної та технічної допомоги",
                "регулярних зустрічей робочих груп, зокрема онлайн",
            ]
        ),
        "forms_en": "Cooperation takes place in particular through:\n"
        + _bullets(
            [
                "exchanges of official delegations, experts and experience",
                "joint projects, including with the support of international programmes",
                "exchanges between schools, young people, cultural and sports groups",
                "humanitarian and technical assistance",
                "regular meetings of working groups, including online",
            ]
        ),
        # Numbered 5.1-5.3 inside section 5: what each party does, then both.
        "obligations_uk": _obligations(party_a, party_b, "uk"),
        "obligations_en": _obligations(party_a, party_b, "en"),
        "coordination_uk": "Координатори співпраці:\n"
        + _bullets(
            [
                _coordinator(coordinator_a, party_a, "Сторона 1", "uk"),
                _coordinator(coordinator_b, party_b, "Сторона 2", "uk"),
            ]
        )
        + "\nСторони письмово повідомляють одна одну про зміну координаторів.",
        "coordination_en": "Coordinators of the cooperation:\n"
        + _bullets(
            [
                _coordinator(coordinator_a, party_a, "Party 1", "en"),
                _coordinator(coordinator_b, party_b, "Party 2", "en"),
            ]
        )
        + "\nThe Parties inform each other in writing of any change of coordinator.",
        "duration_uk": (
            "Меморандум набирає чинності з дати його підписання обома Сторонами та діє "
            "протягом п'яти років. Строк його дії автоматично продовжується на наступні "
            "п'ятирічні періоди, якщо жодна зі Сторін не повідомить письмово про намір "
            "припинити його не пізніше ніж за шість місяців до закінчення чергового періоду."
        ),
        "duration_en": (
            "This Memorandum enters into force on the date of its signature by both Parties "
            "and remains in force for five years. It is extended automatically for further "
            "periods of five years unless either Party gives written notice of termination "
            "at least six months before the end of the current period."
        ),
        "amendment_uk": (
            "Зміни та доповнення до цього Меморандуму вносяться за взаємною письмовою згодою "
            "Сторін і є його невід'ємною частиною. Кожна Сторона може припинити дію "
            "Меморандуму, письмово повідомивши про це іншу Сторону не пізніше ніж за шість "
            "місяців. Припинення не впливає на виконання проєктів, розпочатих до цієї дати, "
            "якщо Сторони не домовляться інакше."
        ),
        "amendment_en": (
            "This Memorandum may be amended or supplemented by mutual written consent of the "
            "Parties; amendments form an integral part of it. Either Party may terminate this "
            "Memorandum by giving the other Party six months' written notice. Termination "
            "does not affect projects begun before that date, unless the Parties agree "
            "otherwise."
        ),
        "final_uk": (
            "Цей Меморандум не створює міжнародно-правових чи фінансових зобов'язань для "
            "Сторін. Спірні питання вирішуються шляхом консультацій і переговорів. "
            "Меморандум укладено у двох примірниках українською та англійською мовами, по "
            "одному для кожної Сторони; обидва тексти мають однакову силу."
        ),
        "final_en": (
            "This Memorandum creates no obligations under international law and no financial "
            "obligations for the Parties. Any disagreement is settled by consultation and "
            "negotiation. It is made in two copies in the Ukrainian and English languages, "
            "one for each Party; both texts are equally authentic."
        ),
    }
    return text
