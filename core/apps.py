from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The ground floor: helpers every app uses. It imports no app of ours."""

    name = "core"

    def ready(self) -> None:
        # modeltranslation serves an interface language it does not store (pl, de, fr)
        # in its default language, Ukrainian. Readers of those languages read English:
        # its descriptors and query rewriting ask our resolver instead.
        from modeltranslation import fields, manager

        from .languages import content_language
        from .notifications import service  # noqa: F401  (connects its receivers)

        fields.get_language = content_language  # type: ignore[attr-defined]
        manager.get_language = content_language  # type: ignore[attr-defined]
