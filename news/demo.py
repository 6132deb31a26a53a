"""Demo news for a first look: the Izium seed article and stories built from real
partnerships of the registry, with generated images, two readers and comments.

Idempotent: articles are keyed by slug and readers by e-mail; what exists is
left as it is (including view counts and anything staff changed).
"""

import hashlib
import io
import random
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from PIL import Image, ImageDraw

from partnerships.models import Municipality, Partnership

from .models import Article, ArticleStatus, Comment

KYIV = timezone.get_fixed_timezone(120)
PALETTES = [
    ((0, 87, 183), (255, 215, 0), (232, 240, 250)),
    ((0, 62, 130), (255, 246, 194), (120, 170, 220)),
    ((0, 112, 60), (227, 241, 232), (255, 215, 0)),
    ((138, 75, 0), (253, 240, 221), (0, 87, 183)),
    ((80, 90, 95), (236, 238, 239), (255, 215, 0)),
    ((179, 38, 30), (251, 233, 232), (0, 62, 130)),
]

SEED = {
    "slug": "izium-negotiating-cooperation-with-chennevieres-sur-marne",
    "title_en": "Izium municipality is negotiating cooperation with Chennevières-sur-Marne",
    "title_uk": "Ізюмська громада домовляється про співпрацю з Шеннев'єр-сюр-Марном",
    "lead_en": "Izium municipality is to twin with the French city of Chennevières-sur-Marne.",
    "lead_uk": "Ізюмська громада стане побратимом французького міста Шеннев'єр-сюр-Марн.",
    "body_en": (
        "<p>During an online meeting, Valerii Marchenko, Head of the Izium City Military "
        "Administration, and official representatives of Chennevières-sur-Marne discussed future "
        "cooperation between the Izium municipality and Chennevières-sur-Marne as well as drafting "
        "the Memorandum on Twinning.</p>"
        "<p>The head of the Izium City Military Administration will address the officials of "
        "Chennevières-sur-Marne shortly to present the situation the Izium municipality has found "
        "itself in as a result of the aggressive war waged by Russia against Ukraine, as well as "
        "the recovery and development prospects of the municipality.</p>"
        "<p>Establishing partnerships with foreign municipalities and communities can also be "
        "helped by the tools specially developed by the Ministry for Development of Communities "
        "and Territories of Ukraine in cooperation with international programmes and projects:</p>"
        "<ul><li>“Guidelines on International Municipal Partnership” created jointly by the "
        "Ministry, the Council of Europe Programme “Decentralisation and Public Administration "
        "Reform in Ukraine”,</li><li>electronic platform “Partnership for Restoration and "
        "Development” developed in cooperation with the Swiss-Ukrainian project “Decentralisation "
        "for Improved Democratic Education” (DECIDE) and U-LEAD with Europe Programme.</li></ul>"
        "<p>Municipalities can fill out an application for desired cooperation with a specific "
        "foreign municipality on the electronic platform by clicking <strong>Cooperate</strong>."
        "</p><p>In March, the Ministry for Development of Communities and Territories of Ukraine "
        "initiated the International Marathon of Local Governments aimed at drawing the attention "
        "of municipalities around the world to the tragedy of Ukrainian municipalities and "
        "boosting the process of establishing sisterly relations.</p>"
    ),
    "body_uk": (
        "<p>Під час онлайн-зустрічі начальник Ізюмської міської військової адміністрації Валерій "
        "Марченко та офіційні представники Шеннев'єр-сюр-Марна обговорили майбутню співпрацю між "
        "Ізюмською громадою та Шеннев'єр-сюр-Марном, а також підготовку Меморандуму про "
        "побратимство.</p>"
        "<p>Найближчим часом начальник Ізюмської МВА звернеться до посадовців Шеннев'єр-сюр-Марна, "
        "щоб розповісти, в якому становищі опинилася громада внаслідок агресивної війни Росії "
        "проти України, а також про перспективи її відновлення й розвитку.</p>"
        "<p>Налагодити партнерство із закордонними муніципалітетами допомагають і інструменти, "
        "які Міністерство розвитку громад та територій України створило разом з міжнародними "
        "програмами та проєктами:</p>"
        "<ul><li>«Посібник з міжнародного муніципального партнерства», підготовлений разом з "
        "Програмою Ради Європи «Децентралізація і реформа публічного адміністрування в Україні»;"
        "</li><li>електронна платформа «Партнерство для відновлення та розвитку», створена у "
        "співпраці зі швейцарсько-українським проєктом DECIDE та Програмою U-LEAD з Європою.</li>"
        "</ul><p>Громади можуть подати заявку на співпрацю з конкретним закордонним "
        "муніципалітетом на платформі, натиснувши <strong>Співпрацювати</strong>.</p>"
        "<p>У березні Міністерство ініціювало Міжнародний марафон місцевих самоврядувань, щоб "
        "привернути увагу муніципалітетів світу до трагедії українських громад і пришвидшити "
        "встановлення побратимських зв'язків.</p>"
    ),
    "tags": ["партнерство", "історії війни", "міжнародна підтримка"],
    "published_at": datetime(2023, 1, 10, 15, 35, tzinfo=KYIV),
    "view_count": 2436,
    "communities": ["UA63040090000021240", "fr-chennevieres-sur-marne"],
}

# Story kinds: (slug stem, title uk, title en, lead uk, lead en, body uk, body en, tags).
# {ua}/{fr} are the two municipalities; texts avoid grammatical cases of the names.
STORIES = [
    (
        "delegation",
        "Делегація з {fr} відвідала громаду: {ua}",
        "A delegation from {fr} visits {ua}",
        "Гості ознайомилися з відбудовою шкіл і лікарні та обговорили спільні проєкти.",
        "The guests saw the rebuilding of schools and the hospital and discussed joint projects.",
        "Представники муніципалітету {fr} провели два дні в громаді, побували на об'єктах "
        "відбудови та зустрілися з депутатами місцевої ради.|Сторони домовилися підготувати "
        "спільну заявку на європейську програму транскордонної співпраці.",
        "Representatives of {fr} spent two days in {ua}, visiting reconstruction sites and "
        "meeting members of the local council.|Both sides agreed to prepare a joint application "
        "to a European cross-border cooperation programme.",
        ["партнерство", "відбудова"],
    ),
    (
        "generators",
        "{fr} передав генератори громаді: {ua}",
        "{fr} sends generators to {ua}",
        "Партнери передали генератори для шкіл, амбулаторій і пунктів незламності.",
        "The partners delivered generators for schools, clinics and heating points.",
        "Вантаж зібрали мешканці та підприємства {fr}. Генератори вже встановлено в закладах, "
        "які мають працювати під час відключень.|Громада підготувала звіт з фотографіями для "
        "партнерів, щоб кожен донор бачив результат.",
        "The shipment was collected by residents and businesses of {fr}. The generators are "
        "already installed where services must keep running during power cuts.|The community "
        "sent its partners a report with photographs, so every donor can see the result.",
        ["гуманітарна допомога", "енергетика"],
    ),
    (
        "memorandum",
        "{ua} і {fr} підписали Меморандум про побратимство",
        "{ua} and {fr} sign a Memorandum on Twinning",
        "Документ закріплює співпрацю в освіті, культурі та відбудові на п'ять років.",
        "The document sets out five years of cooperation in education, culture and recovery.",
        "Меморандум підписали голови обох громад під час урочистої церемонії. Сторони визначили "
        "координаторів і план заходів на перший рік.|Першим спільним проєктом стане обмін "
        "учителями та облаштування укриття в ліцеї.",
        "The heads of both municipalities signed the memorandum at a ceremony. The sides named "
        "coordinators and a plan of activities for the first year.|The first joint project is a "
        "teacher exchange and a shelter for the lyceum.",
        ["меморандум", "партнерство"],
    ),
    (
        "youth-exchange",
        "Молодь громади {ua} гостювала в партнерів: {fr}",
        "Young people from {ua} visit their partners in {fr}",
        "Тиждень обміну: спільні уроки, спорт і знайомство з місцевим самоврядуванням.",
        "A week of exchange: shared lessons, sport and a look at local self-government.",
        "Двадцять учнів старших класів жили в родинах партнерів, відвідували школи та "
        "муніципалітет.|Наступного року партнерська молодь приїде з відповідним візитом.",
        "Twenty secondary school students stayed with host families, went to school and visited "
        "the town hall.|Next year young people from the partner town will pay a return visit.",
        ["молодь", "освіта"],
    ),
    (
        "water",
        "{fr} допоможе відновити водопостачання: {ua}",
        "{fr} helps {ua} restore its water supply",
        "Партнери фінансують насосну станцію та навчання працівників водоканалу.",
        "The partners fund a pumping station and training for the water utility's staff.",
        "Проєкт передбачає заміну насосного обладнання і встановлення системи знезараження. "
        "Фахівці з {fr} проведуть навчання для інженерів.|Після завершення робіт стабільну "
        "воду отримають понад десять тисяч мешканців.",
        "The project replaces the pumps and installs a disinfection unit. Engineers from {fr} "
        "will train the utility's staff.|Once the work is done, more than ten thousand residents "
        "will have a reliable water supply.",
        ["відбудова", "вода"],
    ),
    (
        "online-meeting",
        "{ua} та {fr} обговорили напрями співпраці",
        "{ua} and {fr} discuss areas of cooperation",
        "Онлайн-зустріч очільників громад: енергоефективність, освіта та культура.",
        "An online meeting of the two mayors: energy efficiency, education and culture.",
        "Під час зустрічі громада {ua} розповіла про свої потреби, а партнери — про досвід "
        "енергоефективної модернізації будівель.|Наступний крок — робочий візит фахівців.",
        "{ua} presented its needs, and the partners shared their experience of making public "
        "buildings energy efficient.|The next step is a working visit by specialists.",
        ["партнерство", "енергетика"],
    ),
    (
        "ambulance",
        "Партнери з {fr} передали автомобіль швидкої допомоги: {ua}",
        "Partners from {fr} donate an ambulance to {ua}",
        "Новий автомобіль обслуговуватиме віддалені села громади.",
        "The new ambulance will serve the community's remote villages.",
        "Автомобіль повністю обладнаний для екстреної допомоги. Його передали разом із запасом "
        "медикаментів.|Місцева лікарня подякувала партнерам і запросила їх на відкриття "
        "відновленого відділення.",
        "The vehicle is fully equipped for emergency care and came with a stock of medicines."
        "|The local hospital thanked the partners and invited them to the opening of its "
        "rebuilt ward.",
        ["медицина", "гуманітарна допомога"],
    ),
    (
        "culture-festival",
        "Дні культури: {ua} представила себе в місті {fr}",
        "Days of culture: {ua} presents itself in {fr}",
        "Виставка, концерт і ярмарок ремесел зібрали сотні відвідувачів.",
        "An exhibition, a concert and a crafts fair drew hundreds of visitors.",
        "Митці громади показали вишивку, кераміку та фотовиставку про життя під час війни."
        "|Кошти від ярмарку спрямують на відновлення будинку культури.",
        "Artists from {ua} showed embroidery, ceramics and a photo exhibition about life during "
        "the war.|The proceeds of the fair go to rebuilding the community's house of culture.",
        ["культура", "партнерство"],
    ),
    (
        "school-shelter",
        "Укриття для школи: {ua} отримала підтримку від {fr}",
        "A school shelter for {ua}, with support from {fr}",
        "Завдяки партнерам діти повернулися до навчання в класах.",
        "Thanks to the partners, children are back to lessons in classrooms.",
        "Укриття розраховане на чотириста учнів, має вентиляцію, воду та резервне живлення."
        "|Партнери профінансували половину вартості робіт, решту — громада.",
        "The shelter holds four hundred pupils and has ventilation, water and backup power."
        "|The partners paid half of the cost, the community the rest.",
        ["освіта", "відбудова"],
    ),
    (
        "know-how",
        "Фахівці з {fr} поділилися досвідом управління громадою",
        "Specialists from {fr} share know-how with {ua}",
        "Семінар про цифрові послуги, бюджет участі та роботу з мешканцями.",
        "A seminar on digital services, participatory budgets and working with residents.",
        "Працівники муніципалітету {fr} провели триденний семінар для працівників ЦНАП і "
        "фінансового управління громади {ua}.|Учасники домовилися про стажування в партнерів.",
        "Staff of {fr} ran a three-day seminar for the service centre and finance department "
        "of {ua}.|The participants agreed on placements with the partners.",
        ["врядування", "цифровізація"],
    ),
]


def _image(slug: str) -> ContentFile:
    """A calm geometric composition, different for every slug, with no lettering: one
    picture serves both languages, and its words would be in only one of them."""
    seed = int(hashlib.sha256(slug.encode()).hexdigest()[:8], 16)
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    dark, light, accent = PALETTES[seed % len(PALETTES)]
    width, height = 1200, 675
    image = Image.new("RGB", (width, height), light)
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(4, 7)):
        x, y, r = rng.randint(0, width), rng.randint(0, height), rng.randint(60, 260)
        shape = rng.choice(["circle", "square", "stripe"])
        colour = rng.choice([dark, accent])
        if shape == "circle":
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        elif shape == "square":
            draw.rectangle((x - r, y - r // 2, x + r, y + r // 2), fill=colour)
        else:
            draw.polygon(
                [(x, 0), (x + r, 0), (x + r // 2 - 200, height), (x - 200, height)], fill=colour
            )
    # A thin flag-yellow rule along the bottom ties the set together.
    draw.rectangle((0, height - 12, width, height), fill=(255, 215, 0))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return ContentFile(
        buffer.getvalue(), name=f"demo-{hashlib.sha256(slug.encode()).hexdigest()[:16]}.jpg"
    )


def _image_alt(title: str, *, language: str) -> str:
    """What the picture is, in the article's language; empty where there is no title."""
    if not title:
        return ""
    prefix = {
        "uk": "Абстрактна ілюстрація до новини",
        "en": "Abstract illustration for the news",
    }[language]
    return f"{prefix}: {title}"[:250]


def _readers() -> list:
    User = get_user_model()
    readers = []
    for email, first_name in [
        ("olena.reader@example.org", "Олена"),
        ("marc.reader@example.org", "Marc"),
        ("taras.reader@example.org", "Тарас"),
    ]:
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            user = User(username=email, email=email, first_name=first_name)
            user.set_unusable_password()
            user.save()
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        readers.append(user)
    return readers


# Stories of aid and visits only make sense where the community governs itself today.
OCCUPIED_REGIONS = {"autonomous-republic-of-crimea", "sevastopol", "luhansk-oblast"}
OCCUPIED_CENTRES = {
    "donetska", "horlivska", "makiivska", "yenakiivska", "melitopolska", "mariupolska",
    "berdianska", "chystiakivska", "bakhmutska", "enerhodarska", "tokmatska", "khartsyzka",
}  # fmt: skip
PARTNER_COUNTRIES = {
    "AT", "BE", "BG", "CA", "CH", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GE", "GR",
    "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MD", "NL", "NO", "PL", "PT", "RO", "SE", "SI",
    "SK", "US",
}  # fmt: skip


def _story_articles() -> list[dict]:
    """One article per real partnership, picked the same way on every run."""
    pairs, seen = [], set()
    for partnership in Partnership.objects.with_parties().order_by("pk"):
        ua, other = partnership.municipality_a, partnership.municipality_b
        if not ua.is_ukrainian:
            ua, other = other, ua
        if (
            not ua.is_ukrainian
            or other.country not in PARTNER_COUNTRIES
            or ua.region is None
            or ua.region.slug in OCCUPIED_REGIONS
            or ua.slug.split("-")[0] in OCCUPIED_CENTRES
            or ua.pk in seen
            or (other.country, ua.region_id) in seen
        ):
            continue
        # Spread the stories over countries and regions.
        seen.update({ua.pk, (other.country, ua.region_id)})
        if sum(1 for key in seen if isinstance(key, tuple) and key[0] == other.country) > 2:
            continue
        pairs.append((ua, other))
    rng = random.Random(2023)  # noqa: S311 - demo data
    start = datetime(2023, 2, 1, 9, 0, tzinfo=KYIV)
    articles = []
    for index, (ua, other) in enumerate(pairs[:32]):
        kind = STORIES[index % len(STORIES)]
        stem, t_uk, t_en, l_uk, l_en, b_uk, b_en, tags = kind
        with translation.override("uk"):
            names_uk = {"ua": ua.name, "fr": other.name}
        with translation.override("en"):
            names_en = {"ua": ua.name, "fr": other.name}
        article = {
            "slug": f"{stem}-{ua.slug}-{other.slug}"[:120],
            "title_uk": t_uk.format(**names_uk),
            "lead_uk": l_uk,
            "body_uk": "".join(f"<p>{p.format(**names_uk)}</p>" for p in b_uk.split("|")),
            "tags": tags,
            "published_at": start + timedelta(days=index * 23, hours=rng.randint(0, 8), minutes=rng.choice([0, 15, 30, 45])),
            "view_count": rng.randint(120, 3200),
            "community_objects": [ua, other],
        }  # fmt: skip
        # Every fifth story exists in Ukrainian only (the English page shows it in Ukrainian).
        if index % 5 != 4:
            article.update(
                title_en=t_en.format(**names_en),
                lead_en=l_en,
                body_en="".join(f"<p>{p.format(**names_en)}</p>" for p in b_en.split("|")),
            )
        articles.append(article)
    return articles


def _create(data: dict, *, status: str = ArticleStatus.PUBLISHED) -> tuple[Article, bool]:
    article = Article.objects.filter(slug=data["slug"]).first()
    if article is not None:
        return article, False
    fields = {
        key: data.get(key, "")
        for key in ("title_uk", "title_en", "lead_uk", "lead_en", "body_uk", "body_en")
    }
    article = Article(
        slug=data["slug"],
        status=status,
        published_at=data["published_at"],
        view_count=data.get("view_count", 0),
        image_alt_uk=_image_alt(fields["title_uk"], language="uk"),
        image_alt_en=_image_alt(fields["title_en"], language="en"),
        **fields,
    )
    picture = _image(data["slug"])
    article.image.save(picture.name, picture, save=False)
    article.save()
    article.tags.set(data["tags"])
    communities = data.get("community_objects") or list(
        Municipality.objects.filter(registry_key__in=data.get("communities", []))
    )
    article.communities.set(communities)
    article.regions.set({c.region for c in communities if c.region_id})
    return article, True


COMMENTS = [
    (0, "Чудова новина! Ізюм заслуговує на сильних партнерів."),
    (1, "Great to see this. Our town twinned with a Ukrainian community last year; "
        "the guide is here: https://www.coe.int/en/web/kyiv"),
    (2, "Дякую за новину. Чи можна долучитися волонтерам з інших громад?"),
    (0, "Підтримую! Слава громадам, які відновлюються."),
]  # fmt: skip


def load() -> int:
    """Create the demo articles that do not exist yet; returns how many were created."""
    readers = _readers()
    created = 0
    seed, is_new = _create(SEED)
    created += is_new
    if is_new:
        for index, (reader, body) in enumerate(COMMENTS):
            Comment.objects.create(
                article=seed,
                author=readers[reader],
                body=body,
                created_at=seed.published_at + timedelta(hours=2 + index * 5),
            )
    for index, data in enumerate(_story_articles()):
        article, is_new = _create(data)
        created += is_new
        if is_new and index % 4 == 0:
            Comment.objects.create(
                article=article,
                author=readers[index % len(readers)],
                body="Дуже надихає. Thank you, partners!",
                created_at=article.published_at + timedelta(hours=3),
            )
    # One scheduled and one draft article, for editors to try publishing.
    for slug, status, when, title_uk, title_en in [
        ("marathon-of-local-governments-next-round", ArticleStatus.PUBLISHED,
         timezone.now() + timedelta(days=7),
         "Новий етап Міжнародного марафону місцевих самоврядувань",
         "The next round of the International Marathon of Local Governments"),
        ("guidelines-on-municipal-partnership-updated", ArticleStatus.DRAFT, timezone.now(),
         "Оновлено Посібник з міжнародного муніципального партнерства",
         "Guidelines on International Municipal Partnership updated"),
    ]:  # fmt: skip
        _article, is_new = _create(
            {
                "slug": slug,
                "title_uk": title_uk,
                "title_en": title_en,
                "lead_uk": "Громади запрошують долучитися до нового етапу співпраці.",
                "lead_en": "Communities are invited to join the next stage of cooperation.",
                "body_uk": "<p>Деталі й умови участі оприлюднять на порталі.</p>",
                "body_en": "<p>Details and conditions will be published on the portal.</p>",
                "tags": ["партнерство"],
                "published_at": when,
            },
            status=status,
        )
        created += is_new
    return created
