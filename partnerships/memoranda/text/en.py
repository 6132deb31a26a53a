"""The clauses in English (for partners whose language the portal does not offer)."""

from partnerships.choices import CooperationForm

from .clauses import Clauses

CLAUSES = Clauses(
    code="en",
    column="In English",
    headings={
        "parties": "The Parties",
        "purpose": "Purpose",
        "areas": "Areas of cooperation",
        "forms": "Forms of cooperation",
        "obligations": "Obligations of the Parties",
        "coordination": "Coordinators and contacts",
        "duration": "Duration",
        "amendment": "Amendment and termination",
        "final": "Final provisions",
    },
    titles={
        CooperationForm.TWINNING: ("Memorandum on Twinning", "twinning relations"),
        CooperationForm.PARTNERSHIP_AGREEMENT: (
            "Memorandum of Partnership",
            "partnership relations",
        ),
        CooperationForm.PROJECT_COOPERATION: (
            "Memorandum of Cooperation",
            "relations of project cooperation",
        ),
        CooperationForm.HUMANITARIAN_HELP: (
            "Memorandum on Humanitarian Cooperation",
            "relations of humanitarian cooperation",
        ),
    },
    party_labels=("Party 1", "Party 2"),
    other_party=(("Party 2", "Party 2"), ("Party 1", "Party 1")),
    to_be_designated="to be designated",
    parties=(
        "{a} ({place_a}), represented by its authorised official, of the one part, and {b} "
        "({place_b}), represented by its authorised official, of the other part (together "
        "“the Parties”), guided by the principles of the European Charter of Local "
        "Self-Government and wishing to develop friendly ties between their communities, have "
        "agreed as follows."
    ),
    purpose=(
        "The Parties establish {relation} for long-term, mutually beneficial cooperation "
        "between their communities, institutions, businesses and residents, for the exchange "
        "of experience and in support of the recovery and sustainable development of their "
        "communities."
    ),
    areas_intro="The Parties cooperate in particular in the following areas:",
    areas_other="other fields of mutual interest",
    area_names={},  # the areas' own English names are used
    forms_intro="Cooperation takes place in particular through:",
    forms=(
        "exchanges of official delegations, experts and experience",
        "joint projects, including with the support of international programmes",
        "exchanges between schools, young people, cultural and sports groups",
        "humanitarian and technical assistance",
        "regular meetings of working groups, including online",
    ),
    undertakes="{label} ({name}) undertakes to:",
    duties=(
        "appoint a coordinator of the cooperation and give {other_dative} their contact details",
        "involve its institutions, businesses, civil society organisations and residents in the "
        "joint work",
        "inform {other_accusative} in good time of programmes and projects the Parties could "
        "join together",
    ),
    both_intro="Both Parties:",
    both_duties=(
        "agree every year on a plan of joint activities and review its results",
        "publish every year a report on the results of the cooperation",
        "each bear their own costs of implementing this Memorandum within their own budget, "
        "unless agreed otherwise in writing",
    ),
    coordination_intro="Coordinators of the cooperation:",
    coordination_change="The Parties inform each other in writing of any change of coordinator.",
    duration=(
        "This Memorandum enters into force on the date of its signature by both Parties and "
        "remains in force for five years. It is extended automatically for further periods of "
        "five years unless either Party gives written notice of termination at least six months "
        "before the end of the current period."
    ),
    amendment=(
        "This Memorandum may be amended or supplemented by mutual written consent of the "
        "Parties; amendments form an integral part of it. Either Party may terminate this "
        "Memorandum by giving the other Party six months' written notice. Termination does not "
        "affect projects begun before that date, unless the Parties agree otherwise."
    ),
    final=(
        "This Memorandum creates no obligations under international law and no financial "
        "obligations for the Parties. Any disagreement is settled by consultation and "
        "negotiation. It is made in two copies in the Ukrainian and English languages, one for "
        "each Party; both texts are equally authentic."
    ),
    labels={
        "version": "Version",
        "draft": "DRAFT",
        "final": "FINAL SIGNED TEXT",
        "page": "Page",
        "of": "of",
        "signed_at": "Place and date of signature",
        "position_name": "Position and name",
        "signature": "Signature",
        "seal": "Seal",
        "date": "Date",
        "place": "Place",
        "name": "Name",
        "position": "Position",
    },
)
