"""The demo articles' texts: the Izium seed page, story templates and comments."""

from datetime import datetime

from django.utils import timezone

KYIV = timezone.get_fixed_timezone(120)

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


COMMENTS = [
    (0, "Чудова новина! Ізюм заслуговує на сильних партнерів."),
    (1, "Great to see this. Our town twinned with a Ukrainian community last year; "
        "the guide is here: https://www.coe.int/en/web/kyiv"),
    (2, "Дякую за новину. Чи можна долучитися волонтерам з інших громад?"),
    (0, "Підтримую! Слава громадам, які відновлюються."),
]  # fmt: skip
