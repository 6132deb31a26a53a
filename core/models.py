"""Models of the ground floor: notifications and each user's mail preferences."""

from core.notifications.models import (
    Delivery,
    MailPreference,
    Notification,
    NotificationGroup,
    NotificationKind,
)

__all__ = ["Delivery", "MailPreference", "Notification", "NotificationGroup", "NotificationKind"]
