"""The clauses in German."""

from partnerships.choices import CooperationForm

from .clauses import Clauses

CLAUSES = Clauses(
    code="de",
    column="In deutscher Sprache",
    headings={
        "parties": "Die Parteien",
        "purpose": "Zweck",
        "areas": "Bereiche der Zusammenarbeit",
        "forms": "Formen der Zusammenarbeit",
        "obligations": "Verpflichtungen der Parteien",
        "coordination": "Koordination und Kontakte",
        "duration": "Geltungsdauer",
        "amendment": "Änderung und Beendigung",
        "final": "Schlussbestimmungen",
    },
    titles={
        CooperationForm.TWINNING: (
            "Memorandum über die Städtepartnerschaft",
            "eine Städtepartnerschaft",
        ),
        CooperationForm.PARTNERSHIP_AGREEMENT: (
            "Memorandum über die Partnerschaft",
            "partnerschaftliche Beziehungen",
        ),
        CooperationForm.PROJECT_COOPERATION: (
            "Memorandum über die Zusammenarbeit",
            "eine projektbezogene Zusammenarbeit",
        ),
        CooperationForm.HUMANITARIAN_HELP: (
            "Memorandum über die humanitäre Zusammenarbeit",
            "eine humanitäre Zusammenarbeit",
        ),
    },
    party_labels=("Partei 1", "Partei 2"),
    other_party=(("der Partei 2", "die Partei 2"), ("der Partei 1", "die Partei 1")),
    to_be_designated="wird noch benannt",
    parties=(
        "{a} ({place_a}), vertreten durch eine bevollmächtigte Amtsperson, einerseits, und {b} "
        "({place_b}), vertreten durch eine bevollmächtigte Amtsperson, andererseits (im "
        "Folgenden gemeinsam „die Parteien“), geleitet von den Grundsätzen der Europäischen "
        "Charta der kommunalen Selbstverwaltung und in dem Wunsch, freundschaftliche Beziehungen "
        "zwischen ihren Gemeinden zu entwickeln, vereinbaren Folgendes."
    ),
    purpose=(
        "Die Parteien begründen {relation} zum Zweck einer langfristigen, für beide Seiten "
        "vorteilhaften Zusammenarbeit zwischen ihren Gemeinden, Einrichtungen, Unternehmen und "
        "Einwohnern, des Erfahrungsaustauschs sowie der Unterstützung des Wiederaufbaus und der "
        "nachhaltigen Entwicklung ihrer Gemeinden."
    ),
    areas_intro="Die Parteien arbeiten insbesondere in folgenden Bereichen zusammen:",
    areas_other="weitere Bereiche von gemeinsamem Interesse",
    area_names={
        "energy": "Energie und Energieeffizienz",
        "water": "Wasserversorgung und Abwasserentsorgung",
        "health": "Gesundheitswesen",
        "education": "Bildung",
        "culture": "Kultur und Kulturerbe",
        "youth-sport": "Jugend und Sport",
        "economy": "Wirtschaft und Unternehmertum",
        "reconstruction": "Wiederaufbau und Wohnungswesen",
        "digital": "Digitale Dienste",
        "environment": "Umwelt",
        "agriculture": "Landwirtschaft",
        "tourism": "Tourismus",
        "social": "Sozialschutz",
        "civil-protection": "Zivilschutz",
        "transport": "Verkehr und Mobilität",
        "waste": "Abfallwirtschaft",
        "governance": "Kommunale Selbstverwaltung und Transparenz",
        "veterans": "Unterstützung von Veteranen",
        "demining": "Minenräumung",
        "humanitarian": "Humanitäre Hilfe",
    },
    forms_intro="Die Zusammenarbeit erfolgt insbesondere durch:",
    forms=(
        "den Austausch offizieller Delegationen, von Fachleuten und Erfahrungen",
        "gemeinsame Projekte, auch mit Unterstützung internationaler Programme",
        "den Austausch zwischen Schulen, jungen Menschen, Kultur- und Sportgruppen",
        "humanitäre und technische Hilfe",
        "regelmäßige Treffen von Arbeitsgruppen, auch online",
    ),
    undertakes="{label} ({name}) verpflichtet sich,",
    duties=(
        "eine Koordinatorin oder einen Koordinator der Zusammenarbeit zu benennen und "
        "{other_dative} die Kontaktdaten mitzuteilen",
        "ihre Einrichtungen, Unternehmen, zivilgesellschaftlichen Organisationen und Einwohner "
        "in die gemeinsame Arbeit einzubeziehen",
        "{other_accusative} rechtzeitig über Programme und Projekte zu informieren, an denen "
        "sich die Parteien gemeinsam beteiligen können",
    ),
    both_intro="Beide Parteien:",
    both_duties=(
        "vereinbaren jährlich einen Plan gemeinsamer Maßnahmen und ziehen Bilanz über dessen "
        "Umsetzung",
        "veröffentlichen jährlich einen Bericht über die Ergebnisse der Zusammenarbeit",
        "tragen die mit der Umsetzung dieses Memorandums verbundenen Kosten jeweils im Rahmen "
        "ihres eigenen Haushalts, sofern nicht schriftlich etwas anderes vereinbart wird",
    ),
    coordination_intro="Koordination der Zusammenarbeit:",
    coordination_change=(
        "Die Parteien teilen einander jeden Wechsel in der Koordination schriftlich mit."
    ),
    duration=(
        "Dieses Memorandum tritt mit seiner Unterzeichnung durch beide Parteien in Kraft und "
        "gilt für die Dauer von fünf Jahren. Es verlängert sich automatisch um jeweils weitere "
        "fünf Jahre, sofern nicht eine der Parteien spätestens sechs Monate vor Ablauf des "
        "laufenden Zeitraums schriftlich ihre Absicht mitteilt, es zu beenden."
    ),
    amendment=(
        "Änderungen und Ergänzungen dieses Memorandums bedürfen des gegenseitigen schriftlichen "
        "Einvernehmens der Parteien und sind Bestandteil dieses Memorandums. Jede Partei kann "
        "dieses Memorandum durch schriftliche Mitteilung an die andere Partei mit einer Frist "
        "von sechs Monaten beenden. Die Beendigung berührt nicht die Durchführung von Projekten, "
        "die vor diesem Zeitpunkt begonnen wurden, sofern die Parteien nichts anderes vereinbaren."
    ),
    final=(
        "Dieses Memorandum begründet keine völkerrechtlichen oder finanziellen Verpflichtungen "
        "der Parteien. Meinungsverschiedenheiten werden durch Konsultationen und Verhandlungen "
        "beigelegt. Das Memorandum ist in zwei Ausfertigungen in ukrainischer und deutscher "
        "Sprache abgefasst, je eine für jede Partei; beide Wortlaute sind gleichermaßen "
        "verbindlich."
    ),
    labels={
        "version": "Fassung",
        "draft": "ENTWURF",
        "final": "ENDGÜLTIGER UNTERZEICHNETER TEXT",
        "page": "Seite",
        "of": "von",
        "signed_at": "Ort und Datum der Unterzeichnung",
        "position_name": "Funktion und Name",
        "signature": "Unterschrift",
        "seal": "Siegel",
        "date": "Datum",
        "place": "Ort",
        "name": "Name",
        "position": "Funktion",
    },
)
