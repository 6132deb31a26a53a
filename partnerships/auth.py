"""The sign-in backend: allauth's, with the signed-in user read together with their
approved official.

Every signed-in page asks who the user acts for (the header, the dashboard, the
memorandum's access): Django's backend reads the user, and the official was one more
query. Signing in, signing out and the session's check against the password (a
changed password signs out the other sessions) stay Django's and allauth's.
"""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend

from partnerships.permissions import user_with_approved_official


class AuthenticationBackend(AllauthBackend):
    def get_user(self, user_id):
        user = user_with_approved_official(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
