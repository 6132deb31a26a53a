"""allauth phrases whose Ukrainian we correct in our own catalogue.

allauth's Ukrainian catalogue writes headings and mail subjects in English Title
Case ("Запам'ятати Мене", "Будь Ласка, Підтвердіть Вашу Адресу Електронної
Пошти"), and Django's own auth catalogue, which comes first, leaves "Email" in
English. Our catalogue (LOCALE_PATHS) takes precedence over both, but makemessages
only extracts strings from our code: marking the msgids here puts them into it.
Nothing imports this module; the msgids must stay exactly as allauth writes them.
"""

from django.utils.translation import gettext_noop

PHRASES = [
    # Form labels.
    gettext_noop("Email"),
    gettext_noop("Remember Me"),
    gettext_noop("Current Password"),
    gettext_noop("New Password"),
    gettext_noop("New Password (again)"),
    # Page headings and buttons.
    gettext_noop("Password Reset"),
    gettext_noop("Reset My Password"),
    gettext_noop("Change Password"),
    gettext_noop("Set Password"),
    gettext_noop("Bad Token"),
    gettext_noop("Verify Your Email Address"),
    gettext_noop("Confirm Email Address"),
    gettext_noop("Email Address"),
    gettext_noop("Add Email Address"),
    gettext_noop("Add Email"),
    gettext_noop("Make Primary"),
    gettext_noop("Re-send Verification"),
    gettext_noop("Change Email"),
    gettext_noop("Cancel Change"),
    gettext_noop("Account Inactive"),
    gettext_noop("Sign Up Closed"),
    gettext_noop("Confirm Access"),
    gettext_noop("Already have an account? Then please %(link)ssign in%(end_link)s."),
    gettext_noop("Please contact us if you have any trouble resetting your password."),
    gettext_noop(
        'Please confirm that <a href="mailto:%(email)s">%(email)s</a> is an email address '
        "for user %(user_display)s."
    ),
    # Mail subjects.
    gettext_noop("Please Confirm Your Email Address"),
    gettext_noop("Email Confirmation"),
    gettext_noop("Password Reset Email"),
    gettext_noop("Password Changed"),
    gettext_noop("Password Set"),
    gettext_noop("Email Changed"),
    gettext_noop("Email Removed"),
    gettext_noop("Unknown Account"),
    gettext_noop("Account Already Exists"),
    # Mail bodies: the greeting takes the site's name in the nominative.
    gettext_noop("Hello from %(site_name)s!"),
    gettext_noop("Thank you for using %(site_name)s!\n%(site_domain)s"),
    gettext_noop("To confirm this is correct, go to %(activate_url)s"),
]
