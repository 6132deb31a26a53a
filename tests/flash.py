"""The flash messages a response carries, as text."""


def flash_messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]
