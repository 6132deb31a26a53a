from django.utils.functional import SimpleLazyObject

from .service import unread_count


def unread_notifications(request):
    """The bell's count: from the cache (or one query), and only on a page that shows it
    to a signed-in user."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_notifications": 0}
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user))}
