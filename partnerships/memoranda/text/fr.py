"""The clauses in French."""

from partnerships.choices import CooperationForm

from .clauses import Clauses

CLAUSES = Clauses(
    code="fr",
    column="En français",
    headings={
        "parties": "Les Parties",
        "purpose": "Objet",
        "areas": "Domaines de coopération",
        "forms": "Formes de coopération",
        "obligations": "Engagements des Parties",
        "coordination": "Coordination et contacts",
        "duration": "Durée",
        "amendment": "Modification et résiliation",
        "final": "Dispositions finales",
    },
    titles={
        CooperationForm.TWINNING: ("Mémorandum de jumelage", "des relations de jumelage"),
        CooperationForm.PARTNERSHIP_AGREEMENT: (
            "Mémorandum de partenariat",
            "des relations de partenariat",
        ),
        CooperationForm.PROJECT_COOPERATION: (
            "Mémorandum de coopération",
            "des relations de coopération par projets",
        ),
        CooperationForm.HUMANITARIAN_HELP: (
            "Mémorandum de coopération humanitaire",
            "des relations de coopération humanitaire",
        ),
    },
    party_labels=("Partie 1", "Partie 2"),
    other_party=(("à la Partie 2", "la Partie 2"), ("à la Partie 1", "la Partie 1")),
    to_be_designated="à désigner",
    parties=(
        "{a} ({place_a}), agissant par l'intermédiaire de son représentant habilité, d'une "
        "part, et {b} ({place_b}), agissant par l'intermédiaire de son représentant habilité, "
        "d'autre part (ci-après dénommées ensemble « les Parties »), guidées par les "
        "principes de la Charte européenne de l'autonomie locale et désireuses de développer des "
        "liens d'amitié entre leurs collectivités, sont convenues de ce qui suit."
    ),
    purpose=(
        "Les Parties établissent {relation} en vue d'une coopération durable et mutuellement "
        "bénéfique entre leurs collectivités, institutions, entreprises et habitants, de "
        "l'échange d'expériences et du soutien au relèvement et au développement durable de "
        "leurs collectivités."
    ),
    areas_intro="Les Parties coopèrent notamment dans les domaines suivants :",
    areas_other="autres domaines d'intérêt commun",
    area_names={
        "energy": "Énergie et efficacité énergétique",
        "water": "Approvisionnement en eau et assainissement",
        "health": "Santé",
        "education": "Éducation",
        "culture": "Culture et patrimoine",
        "youth-sport": "Jeunesse et sport",
        "economy": "Économie et entrepreneuriat",
        "reconstruction": "Reconstruction et logement",
        "digital": "Services numériques",
        "environment": "Environnement",
        "agriculture": "Agriculture",
        "tourism": "Tourisme",
        "social": "Protection sociale",
        "civil-protection": "Protection civile",
        "transport": "Transports et mobilité",
        "waste": "Gestion des déchets",
        "governance": "Gouvernance locale et transparence",
        "veterans": "Soutien aux anciens combattants",
        "demining": "Déminage",
        "humanitarian": "Aide humanitaire",
    },
    forms_intro="La coopération s'exerce notamment par :",
    forms=(
        "l'échange de délégations officielles, d'experts et d'expériences",
        "des projets communs, y compris avec le soutien de programmes internationaux",
        "des échanges entre établissements scolaires, jeunes, groupes culturels et sportifs",
        "l'aide humanitaire et technique",
        "des réunions régulières de groupes de travail, y compris en ligne",
    ),
    undertakes="{label} ({name}) s'engage à :",
    duties=(
        "désigner un coordinateur de la coopération et communiquer ses coordonnées {other_dative}",
        "associer aux travaux communs ses institutions, entreprises, organisations de la "
        "société civile et habitants",
        "informer en temps utile {other_accusative} des programmes et projets auxquels les "
        "Parties pourraient participer conjointement",
    ),
    both_intro="Les deux Parties :",
    both_duties=(
        "arrêtent chaque année un plan d'actions communes et en dressent le bilan",
        "publient chaque année un rapport sur les résultats de la coopération",
        "supportent chacune, dans la limite de son propre budget, les frais liés à la mise en "
        "œuvre du présent Mémorandum, sauf accord écrit contraire",
    ),
    coordination_intro="Coordination de la coopération :",
    coordination_change=(
        "Les Parties s'informent mutuellement par écrit de tout changement de coordinateur."
    ),
    duration=(
        "Le présent Mémorandum entre en vigueur à la date de sa signature par les deux Parties "
        "et est conclu pour une durée de cinq ans. Il est reconduit tacitement par périodes "
        "successives de cinq ans, sauf dénonciation écrite par l'une des Parties au moins six "
        "mois avant l'expiration de la période en cours."
    ),
    amendment=(
        "Le présent Mémorandum peut être modifié ou complété d'un commun accord écrit des "
        "Parties ; les modifications en font partie intégrante. Chaque Partie peut résilier "
        "le présent Mémorandum moyennant un préavis écrit de six mois adressé à l'autre Partie. "
        "La résiliation n'affecte pas la réalisation des projets engagés avant cette date, "
        "sauf accord contraire des Parties."
    ),
    final=(
        "Le présent Mémorandum ne crée aucune obligation de droit international ni aucune "
        "obligation financière pour les Parties. Tout différend est réglé par voie de "
        "consultation et de négociation. Le Mémorandum est établi en deux exemplaires, en "
        "langues ukrainienne et française, un pour chaque Partie ; les deux textes font "
        "également foi."
    ),
    labels={
        "version": "Version",
        "draft": "PROJET",
        "final": "TEXTE DÉFINITIF SIGNÉ",
        "page": "Page",
        "of": "sur",
        "signed_at": "Lieu et date de signature",
        "position_name": "Fonction, prénom et nom",
        "signature": "Signature",
        "seal": "Sceau",
        "date": "Date",
        "place": "Lieu",
        "name": "Nom",
        "position": "Fonction",
    },
)
