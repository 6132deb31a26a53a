from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The ground floor: helpers every app uses. It imports no app of ours."""

    name = "core"
