"""The starting list of areas of cooperation; staff can extend it in admin."""

from django.db import migrations

AREAS = [
    ("energy", "Енергетика та енергоефективність", "Energy and energy efficiency"),
    ("water", "Водопостачання та водовідведення", "Water and sanitation"),
    ("health", "Охорона здоров’я", "Health care"),
    ("education", "Освіта", "Education"),
    ("culture", "Культура та спадщина", "Culture and heritage"),
    ("youth-sport", "Молодь і спорт", "Youth and sport"),
    ("economy", "Економіка та підприємництво", "Economy and business"),
    ("reconstruction", "Відбудова та житло", "Reconstruction and housing"),
    ("digital", "Цифрові послуги", "Digital services"),
    ("environment", "Довкілля", "Environment"),
    ("agriculture", "Сільське господарство", "Agriculture"),
    ("tourism", "Туризм", "Tourism"),
    ("social", "Соціальний захист", "Social protection"),
    ("civil-protection", "Цивільний захист", "Civil protection"),
    ("transport", "Транспорт і мобільність", "Transport and mobility"),
    ("waste", "Поводження з відходами", "Waste management"),
    ("governance", "Місцеве самоврядування та прозорість", "Local governance and transparency"),
    ("veterans", "Підтримка ветеранів", "Support for veterans"),
    ("demining", "Розмінування", "Demining"),
    ("humanitarian", "Гуманітарна допомога", "Humanitarian aid"),
]


def seed(apps, schema_editor):
    area = apps.get_model("partnerships", "CooperationArea")
    for position, (slug, name_uk, name_en) in enumerate(AREAS, start=1):
        area.objects.update_or_create(
            slug=slug,
            defaults={"name": name_uk, "name_uk": name_uk, "name_en": name_en, "position": position},
        )


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0001_registry")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
