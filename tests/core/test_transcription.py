import pytest

from core.transcription import APOSTROPHE, language_for, to_latin, to_latin_key, to_ukrainian

# Real names of the registry and around it, with the form the rule must give.
EXAMPLES = {
    "PL": [
        ("Andrychów", "Андрихув"),
        ("Szczecin", "Щецин"),
        ("Częstochowa", "Ченстохова"),
        ("Chrzanów", "Хшанув"),
        ("Przeworsk", "Пшеворськ"),
        ("Gdańsk", "Гданськ"),
        ("Warszawa", "Варшава"),
        ("Bielsko-Biała", "Бельсько-Бяла"),
        ("Katowice", "Катовиці"),
        ("Legnica", "Легниця"),
        ("Lublin", "Люблін"),
        ("Wrocław", "Вроцлав"),
        ("Płock", "Плоцьк"),
        ("Leżajsk", "Лежайськ"),
        ("Działdowo", "Дзялдово"),
        ("Siedlce", "Седльце"),
        ("Oświęcim", "Освенцим"),
        ("Bolesławiec", "Болеславець"),
        ("Czeladź", "Челядзь"),
        ("Uniejów", "Унеюв"),
        ("Bełchatów", "Белхатув"),
        ("Dębica (rural gmina)", "Дембиця (сільська гміна)"),
        ("Chrzanów County", "повіт Хшанув"),
        ("Nowy Sącz", "Новий Сонч"),
        ("Jelenia Góra", "Єленя Гура"),
        ("Piotrków Trybunalski", "Пйотркув-Трибунальський"),
        ("Ostrowiec Świętokrzyski", "Островець-Свентокшиський"),
        ("Starogard Gdański", "Старогард-Гданський"),
        ("Kostrzyn nad Odrą", "Костшин-над-Одрою"),
        ("Czerwionka-Leszczyny", "Червйонка-Лещини"),
    ],
    "DE": [
        ("Nürnberg", "Нюрнберг"),
        ("München", "Мюнхен"),
        ("Düsseldorf", "Дюссельдорф"),
        ("Köln", "Кельн"),
        ("Singen", "Зінген"),
        ("Viersen", "Фірзен"),
        ("Heidelberg", "Гайдельберг"),
        ("Celle", "Целле"),
        ("Oberhausen", "Обергаузен"),
        ("Schweinfurt", "Швайнфурт"),
        ("Radebeul", "Радебойль"),
        ("Filderstadt", "Фільдерштадт"),
        ("Freiburg im Breisgau", "Фрайбург-ім-Брайсгау"),
        ("Ludwigsburg", "Людвігсбург"),
    ],
    "FR": [
        ("Chennevières-sur-Marne", f"Шеннев{APOSTROPHE}єр-сюр-Марн"),
        ("Saint-Étienne", "Сент-Етьєн"),
        ("Saint-Maur-des-Fossés", "Сен-Мор-де-Фоссе"),
        ("Béziers", "Безьє"),
        ("Fontenay-sous-Bois", "Фонтене-су-Буа"),
        ("Rueil-Malmaison", "Рюей-Мальмезон"),
        ("Belfort", "Бельфор"),
        ("Montigny-le-Bretonneux", "Монтіньї-ле-Бретонне"),
        ("Bagnoles-de-l'Orne-Normandie", f"Баньоль-де-л{APOSTROPHE}Орн-Норманді"),
        ("Bordeaux", "Бордо"),
        ("Strasbourg", "Страсбург"),
    ],
    "HU": [
        ("Győr", "Дьєр"),
        ("Budapest", "Будапешт"),
        ("Szeged", "Сегед"),
        ("Nyíregyháza", "Ніредьгаза"),
        ("Székesfehérvár", "Секешфегервар"),
        ("Hódmezővásárhely", "Годмезевашаргей"),
        ("Mosonmagyaróvár", "Мошонмадяровар"),
        ("Hajdúböszörmény", "Гайдубесермень"),
        ("Balmazújváros", "Балмазуйварош"),
        (
            "Budapest XVIII – Pestszentlőrinc-Pestszentimre",
            "Будапешт XVIII – Пештсентлерінц-Пештсентімре",
        ),
    ],
    "CZ": [
        ("Přerov", "Пршеров"),
        ("Hradec Králové", "Градець-Кралове"),
        ("Jihlava", "Їглава"),
        ("Český Krumlov", "Чеський Крумлов"),
        ("Kutná Hora", "Кутна Гора"),
        ("Žďár nad Sázavou", "Ждяр-над-Сазавою"),
        ("Pardubice", "Пардубиці"),
        ("Chotěboř", "Хотєборж"),
        ("Brandýs nad Labem-Stará Boleslav", "Брандис-над-Лабем-Стара Болеслав"),
    ],
    "SK": [
        ("Žilina", "Жиліна"),
        ("Dunajská Streda", "Дунайська Стреда"),
        ("Stará Ľubovňa", "Стара Любовня"),
        ("Kráľovský Chlmec", "Кральовський Хлмець"),
        ("Lučenec", "Лученець"),
        ("Dolný Kubín", "Дольний Кубін"),
        ("Čierna nad Tisou", "Чієрна-над-Тісою"),
    ],
    "LT": [
        ("Šiauliai", "Шяуляй"),
        ("Vilnius", "Вільнюс"),
        ("Panevėžys", "Паневежис"),
        ("Kėdainiai", "Кедайняй"),
        ("Šilutė", "Шилуте"),
        ("Kelmė", "Кельме"),
        ("Telšiai", "Тельшяй"),
        ("Kazlų Rūda", "Казлу-Руда"),
    ],
    "LV": [
        ("Jēkabpils", "Єкабпілс"),
        ("Daugavpils", "Даугавпілс"),
        ("Preiļi", "Прейлі"),
        ("Valmiera", "Валмієра"),
        ("Liepāja", "Лієпая"),
    ],
    "RO": [
        ("Timișoara", "Тімішоара"),
        ("Suceava", "Сучава"),
        ("Piatra Neamț", f"П{APOSTROPHE}ятра-Нямц"),
        ("Sighetu Marmației", "Сігету-Мармацієй"),
        ("Giurgiu", "Джурджу"),
        ("Tulcea", "Тулча"),
        ("Satu Mare", "Сату-Маре"),
        ("Zalău", "Залеу"),
        ("Constanţa", "Констанца"),  # with the cedilla the list uses, not the comma
        ("Odorheiu Secuiesc", "Одорхею-Секуєск"),
        ("Negrești-Oaș", "Негрешть-Оаш"),
    ],
    "IT": [
        ("Fiumicino", f"Ф{APOSTROPHE}юмічино"),
        ("Salsomaggiore Terme", "Сальсомаджоре-Терме"),
        ("Vicenza", "Віченца"),
        ("Venezia", "Венеція"),
        ("Bologna", "Болонья"),
        ("Pozzuoli", "Поццуолі"),
        ("Brembate di Sopra", "Брембате-ді-Сопра"),
    ],
    "ES": [("Tlajomulco de Zúñiga", "Тлахомулько-де-Суньїга"), ("Teruel", "Теруель")],
    "PE": [("Callao", "Кальяо")],
    "AR": [("Buenos Aires", "Буенос-Айрес")],
    "PT": [("Figueira da Foz", "Фігейра-да-Фош"), ("Braga", "Брага")],
    "TR": [
        ("Kuşadası", "Кушадаси"),
        ("Çanakkale", "Чанаккале"),
        ("Beyoğlu", "Бейоглу"),
        ("Cihanbeyli", "Джиханбейлі"),
        ("İzmir", "Ізмір"),
        ("Fethiye", "Фетхіє"),
    ],
    "GB": [("Winchester", "Вінчестер"), ("Perth", "Перт"), ("Cardiff", "Кардіфф")],
    "EE": [("Kohtla-Järve", "Кохтла-Ярве"), ("Viljandi", "Вільянді"), ("Võru", "Виру")],
    "FI": [("Lahti", "Лахті"), ("Lappeenranta", "Лаппеенранта"), ("Äänekoski", "Яянекоскі")],
    "GE": [("Tbilisi", "Тбілісі"), ("Mtskheta", "Мцхета"), ("Zugdidi", "Зугдіді")],
    "BA": [("Banja Luka", "Баня-Лука"), ("Prnjavor", "Прнявор")],
    "HR": [("Požega", "Пожега"), ("Split", "Спліт")],
    "TM": [("Ashgabat", "Ашгабат")],
}


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [(name, country, expected) for country, pairs in EXAMPLES.items() for name, expected in pairs],
)
def test_to_ukrainian_transcribes_by_the_rules_of_the_source_language(name, country, expected):
    assert to_ukrainian(name, country) == expected


def test_to_ukrainian_reads_a_name_by_its_country():
    # ch is х in Polish, ш in French, ч in English; s is ш in Hungarian.
    assert to_ukrainian("Chełm", "PL") == "Хелм"
    assert to_ukrainian("Charleroi", "BE") == "Шарлеруа"
    assert to_ukrainian("Chester", "GB").startswith("Ч")
    assert to_ukrainian("Sopot", "PL") == "Сопот"
    assert to_ukrainian("Sopot", "HU") == "Шопот"


def test_to_ukrainian_uses_the_ukrainian_apostrophe_only():
    for name, country in [("Chennevières", "FR"), ("Piatra", "RO"), ("L'Aquila", "IT")]:
        result = to_ukrainian(name, country)
        assert APOSTROPHE in result
        assert "'" not in result and "ʼ" not in result


def test_to_ukrainian_keeps_numbers_cyrillic_and_spacing_and_accepts_any_case_of_code():
    assert to_ukrainian("Praha 6", "cz") == "Прага 6"
    assert to_ukrainian("Budapest IX – Ferencváros", "HU") == "Будапешт IX – Ференцварош"
    assert to_ukrainian("Київ", "PL") == "Київ"
    assert to_ukrainian("  Kraków  ", "PL") == "Кракув"
    assert to_ukrainian("", "PL") == ""


def test_to_ukrainian_leaves_no_latin_letter_for_any_language():
    names = ["Quixotæ Wyżyny-Øresund", "Xanthi", "Ðakovo", "Straße", "Œuvre", "Qaqortoq"]
    for country in ["PL", "DE", "FR", "HU", "CZ", "SK", "LT", "LV", "RO", "IT", "ES", "PT"]:
        for name in names:
            result = to_ukrainian(name, country)
            assert not any("a" <= char.lower() <= "z" for char in result), (country, name, result)


def test_language_for_falls_back_to_the_generic_reading():
    assert language_for("PL") == "pl"
    assert language_for("md") == "ro"
    assert language_for("GE") == ""
    assert language_for("") == ""


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Ізюмська", "Iziumska"),
        ("Запоріжжя", "Zaporizhzhia"),
        ("Згурівка", "Zghurivka"),
        ("Юрій", "Yurii"),
        ("Яготин", "Yahotyn"),
        ("Єнакієве", "Yenakiieve"),
        ("Їжакевич", "Yizhakevych"),
        ("Знам’янка", "Znamianka"),
        ("Кам'янець-Подільський", "Kamianets-Podilskyi"),
        ("Щастя", "Shchastia"),
        ("Ґалаґан", "Galagan"),
        ("Борщагівка", "Borshchahivka"),
    ],
)
def test_to_latin_follows_the_national_transliteration(cyrillic, latin):
    assert to_latin(cyrillic) == latin


@pytest.mark.parametrize(
    "spellings",
    [
        ("Краків", "Krakiv", "КРАКІВ"),
        ("Шеннев'єр", "Шенневʼєр", "Шеннев’єр", "Шенневєр", "Шенев'єр", "Shennevier"),
        ("Андрихув", "Andrykhuv"),
        ("Берлін", "Berlin", "берлин"),
        ("Катовиці", "Катовіце"),
        ("Бельсько-Бяла", "Бєльсько-Бяла"),
        ("Гданськ", "Ґданськ", "Gdansk"),
        ("Ізюм", "Izium"),
        ("Запоріжжя", "Zaporizhzhia"),
    ],
)
def test_to_latin_key_is_the_same_for_spellings_of_one_name(spellings):
    keys = {to_latin_key(spelling) for spelling in spellings}
    assert len(keys) == 1


def test_to_latin_key_tells_different_names_apart():
    pairs = [
        ("Згурівка", "Журівка"),
        ("Рига", "Регенсбург"),
        ("Хелм", "Шелм"),
        ("Вінниця", "Відень"),
    ]
    for first, second in pairs:
        assert to_latin_key(first) != to_latin_key(second)
        assert not to_latin_key(second).startswith(to_latin_key(first).rstrip())


def test_to_latin_key_separates_words_with_single_spaces():
    assert to_latin_key("Шеннев’єр-сюр-Марн") == " wenever sur marn "
    assert to_latin_key("  ") == ""
    assert to_latin_key("'’") == ""


def test_to_latin_key_reads_an_unfinished_word_as_typed_so_far():
    assert to_latin_key("Кельце") == to_latin_key("Кельці")
    assert to_latin_key("Берегове").startswith(to_latin_key("Бере", unfinished=True).rstrip())
    assert not to_latin_key("Берегове").startswith(to_latin_key("Бере").rstrip())
    # Only the last word of a query may be unfinished.
    assert to_latin_key("Нове Место", unfinished=True) == " novi mesto "
