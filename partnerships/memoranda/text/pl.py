"""The clauses in Polish."""

from partnerships.choices import CooperationForm

from .clauses import Clauses

CLAUSES = Clauses(
    code="pl",
    column="W języku polskim",
    headings={
        "parties": "Strony",
        "purpose": "Cel",
        "areas": "Obszary współpracy",
        "forms": "Formy współpracy",
        "obligations": "Zobowiązania Stron",
        "coordination": "Koordynatorzy i dane kontaktowe",
        "duration": "Okres obowiązywania",
        "amendment": "Zmiana i rozwiązanie",
        "final": "Postanowienia końcowe",
    },
    titles={
        CooperationForm.TWINNING: ("Memorandum o partnerstwie miast", "stosunki partnerstwa miast"),
        CooperationForm.PARTNERSHIP_AGREEMENT: (
            "Memorandum o partnerstwie",
            "stosunki partnerskie",
        ),
        CooperationForm.PROJECT_COOPERATION: ("Memorandum o współpracy", "współpracę projektową"),
        CooperationForm.HUMANITARIAN_HELP: (
            "Memorandum o współpracy humanitarnej",
            "współpracę humanitarną",
        ),
    },
    party_labels=("Strona 1", "Strona 2"),
    other_party=(("Stronie 2", "Stronę 2"), ("Stronie 1", "Stronę 1")),
    to_be_designated="do wyznaczenia",
    parties=(
        "{a} ({place_a}), w osobie upoważnionego przedstawiciela, z jednej strony, oraz {b} "
        "({place_b}), w osobie upoważnionego przedstawiciela, z drugiej strony (zwane dalej "
        "łącznie „Stronami”), kierując się zasadami Europejskiej Karty Samorządu Lokalnego i "
        "pragnąc rozwijać przyjazne więzi między swoimi społecznościami, uzgodniły, co następuje."
    ),
    purpose=(
        "Strony nawiązują {relation} w celu długofalowej, obustronnie korzystnej współpracy "
        "między swoimi społecznościami, instytucjami, przedsiębiorstwami i mieszkańcami, "
        "wymiany doświadczeń oraz wspierania odbudowy i zrównoważonego rozwoju swoich "
        "społeczności."
    ),
    areas_intro="Strony współpracują w szczególności w następujących obszarach:",
    areas_other="inne dziedziny będące przedmiotem wspólnego zainteresowania",
    area_names={
        "energy": "Energetyka i efektywność energetyczna",
        "water": "Zaopatrzenie w wodę i odprowadzanie ścieków",
        "health": "Ochrona zdrowia",
        "education": "Edukacja",
        "culture": "Kultura i dziedzictwo",
        "youth-sport": "Młodzież i sport",
        "economy": "Gospodarka i przedsiębiorczość",
        "reconstruction": "Odbudowa i mieszkalnictwo",
        "digital": "Usługi cyfrowe",
        "environment": "Środowisko",
        "agriculture": "Rolnictwo",
        "tourism": "Turystyka",
        "social": "Pomoc społeczna",
        "civil-protection": "Ochrona ludności",
        "transport": "Transport i mobilność",
        "waste": "Gospodarka odpadami",
        "governance": "Samorząd lokalny i przejrzystość",
        "veterans": "Wsparcie weteranów",
        "demining": "Rozminowywanie",
        "humanitarian": "Pomoc humanitarna",
    },
    forms_intro="Współpraca jest realizowana w szczególności w formie:",
    forms=(
        "wymiany oficjalnych delegacji, ekspertów i doświadczeń",
        "wspólnych projektów, w tym realizowanych przy wsparciu programów międzynarodowych",
        "wymian między szkołami, młodzieżą oraz zespołami kulturalnymi i sportowymi",
        "pomocy humanitarnej i technicznej",
        "regularnych spotkań grup roboczych, w tym w trybie zdalnym",
    ),
    undertakes="{label} ({name}) zobowiązuje się:",
    duties=(
        "wyznaczyć koordynatora współpracy i przekazać {other_dative} jego dane kontaktowe",
        "angażować we wspólne działania swoje instytucje, przedsiębiorstwa, organizacje "
        "społeczeństwa obywatelskiego i mieszkańców",
        "w odpowiednim czasie informować {other_accusative} o programach i projektach, w "
        "których Strony mogą uczestniczyć wspólnie",
    ),
    both_intro="Obie Strony:",
    both_duties=(
        "corocznie uzgadniają plan wspólnych działań i podsumowują jego realizację",
        "corocznie publikują sprawozdanie z wyników współpracy",
        "ponoszą koszty związane z wykonaniem niniejszego Memorandum, każda w ramach własnego "
        "budżetu, o ile nie uzgodniono inaczej na piśmie",
    ),
    coordination_intro="Koordynatorzy współpracy:",
    coordination_change="Strony informują się wzajemnie na piśmie o każdej zmianie koordynatora.",
    duration=(
        "Niniejsze Memorandum wchodzi w życie z dniem jego podpisania przez obie Strony i "
        "obowiązuje przez okres pięciu lat. Ulega ono automatycznemu przedłużeniu na kolejne "
        "okresy pięcioletnie, o ile żadna ze Stron nie powiadomi na piśmie o zamiarze jego "
        "rozwiązania najpóźniej na sześć miesięcy przed upływem bieżącego okresu."
    ),
    amendment=(
        "Zmiany i uzupełnienia niniejszego Memorandum wymagają wzajemnej pisemnej zgody Stron i "
        "stanowią jego integralną część. Każda ze Stron może rozwiązać niniejsze Memorandum z "
        "zachowaniem sześciomiesięcznego okresu wypowiedzenia, powiadamiając o tym drugą Stronę "
        "na piśmie. Rozwiązanie Memorandum nie wpływa na realizację projektów rozpoczętych przed "
        "tą datą, o ile Strony nie postanowią inaczej."
    ),
    final=(
        "Niniejsze Memorandum nie rodzi zobowiązań prawnomiędzynarodowych ani finansowych dla "
        "Stron. Kwestie sporne rozstrzygane są w drodze konsultacji i negocjacji. Memorandum "
        "sporządzono w dwóch egzemplarzach, w językach ukraińskim i polskim, po jednym dla "
        "każdej ze Stron; oba teksty są jednakowo autentyczne."
    ),
    labels={
        "version": "Wersja",
        "draft": "PROJEKT",
        "final": "OSTATECZNY PODPISANY TEKST",
        "page": "Str.",
        "of": "z",
        "signed_at": "Miejsce i data podpisania",
        "position_name": "Stanowisko, imię i nazwisko",
        "signature": "Podpis",
        "seal": "Pieczęć",
        "date": "Data",
        "place": "Miejsce",
        "name": "Imię i nazwisko",
        "position": "Stanowisko",
    },
)
