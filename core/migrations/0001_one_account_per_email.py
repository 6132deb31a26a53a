"""One account per e-mail address, whatever its case, held by the database.

allauth checks that an address is free before it creates an account; two sign-ups
at the same moment both pass that check. A unique index on the lower-cased address
lets only one of them in. Accounts without an address (a superuser made on the
command line) are left out of it.
"""

from django.db import migrations

INDEX = "core_auth_user_email_lower_uniq"


def refuse_duplicates(apps, schema_editor):
    from django.db.models import Count
    from django.db.models.functions import Lower

    User = apps.get_model("auth", "User")
    duplicates = list(
        User.objects.exclude(email="")
        .annotate(address=Lower("email"))
        .values("address")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .values_list("address", flat=True)[:20]
    )
    if duplicates:
        raise RuntimeError(
            "Several accounts share these e-mail addresses; merge or change them, then "
            "migrate again: " + ", ".join(duplicates)
        )


class Migration(migrations.Migration):
    dependencies = [("auth", "0012_alter_user_first_name_max_length")]

    operations = [
        migrations.RunPython(refuse_duplicates, migrations.RunPython.noop),
        migrations.RunSQL(
            f"CREATE UNIQUE INDEX {INDEX} ON auth_user (LOWER(email)) WHERE email <> ''",
            f"DROP INDEX {INDEX}",
        ),
    ]
