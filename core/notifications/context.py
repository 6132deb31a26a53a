from django.utils.functional import SimpleLazyObject

from .models import Notification


def unread_notifications(request):
    """The bell's count: one query, and only on a page that shows it to a signed-in user."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_notifications": 0}
    return {
        "unread_notifications": SimpleLazyObject(
            lambda: Notification.objects.for_user(user).unread().count()
        )
    }
