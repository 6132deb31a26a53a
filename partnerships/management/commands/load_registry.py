import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from partnerships.services.registry import BadFile, RegistryLoader


class Command(BaseCommand):
    help = "Load or refresh the registry (oblasts, communities, foreign municipalities, twin links) from CSV."

    def add_arguments(self, parser):
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=settings.BASE_DIR / "data",
            help=(
                "Folder with oblasts.csv, hromadas.csv, foreign_municipalities.csv and "
                "twin_links.csv; foreign_names.csv (Ukrainian names) is optional."
            ),
        )

    def handle(self, *args, data_dir: Path, **options):
        missing = [
            name
            for name in (
                "oblasts.csv",
                "hromadas.csv",
                "foreign_municipalities.csv",
                "twin_links.csv",
            )
            if not (data_dir / name).is_file()
        ]
        if missing:
            raise CommandError(f"Missing in {data_dir}: {', '.join(missing)}")
        progress = self._progress_bar if self.stdout.isatty() else None
        try:
            report = RegistryLoader(data_dir, progress=progress).load()
        except BadFile as error:
            raise CommandError(f"{error}. Nothing was changed.") from error
        for problem in report.problems:
            self.stderr.write(self.style.WARNING(f"Skipped {problem}"))
        for label, tally in report.tallies.items():
            self.stdout.write(
                f"{label.capitalize()}: {tally.created} created, {tally.updated} updated, "
                f"{tally.unchanged} unchanged"
            )
        if report.problems:
            self.stdout.write(self.style.WARNING(f"{len(report.problems)} rows skipped"))
        self.stdout.write(self.style.SUCCESS("Registry loaded."))

    def _progress_bar(self, label: str, done: int, total: int) -> None:
        if done != total and done % 50:
            return
        width = 30
        filled = width * done // max(total, 1)
        sys.stdout.write(
            f"\r{label[:24]:<24} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
        )
        if done == total:
            sys.stdout.write("\n")
        sys.stdout.flush()
