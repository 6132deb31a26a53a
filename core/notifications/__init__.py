"""What happened for a user: the portal's notifications, their mails and the digest.

The ground floor, so that every app can tell its users something: `notify()` is the
one call each step makes (partnerships, news). A notification is shown under the bell
and on the notifications page, and mailed in the recipient's language at once, in
the daily digest or never, as the recipient chose per kind (`MailPreference`).
"""
