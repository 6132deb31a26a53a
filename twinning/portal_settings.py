"""The portal's own rules and timings, read from the environment (imported by settings)."""

import environ

env = environ.Env()

# A partnership is "active" with a published activity within this many months, else "quiet"
# (partnerships.health); the officials of a quiet one are reminded at most this often.
PARTNERSHIP_ACTIVE_MONTHS = env.int("PARTNERSHIP_ACTIVE_MONTHS", default=18)
PARTNERSHIP_REMINDER_DAYS = env.int("PARTNERSHIP_REMINDER_DAYS", default=365)
# Jobs the task worker (core run_worker) runs once a day, by dotted path.
WORKER_DAILY_JOBS = ["partnerships.health.remind_quiet_partnerships"]

# After a request is declined or withdrawn, the same pair may send a new one this
# many days later (partnerships.services.requests.request_blocker).
REQUEST_RETRY_AFTER_DAYS = env.int("REQUEST_RETRY_AFTER_DAYS", default=30)

# Failed mails are queued again with a growing delay (core.tasks), this many
# times at most; after that they stay in the admin's task results as failed.
MAIL_MAX_ATTEMPTS = env.int("MAIL_MAX_ATTEMPTS", default=10)
# Finished task results older than this are deleted by the worker once a day.
TASK_RESULTS_KEEP_DAYS = env.int("TASK_RESULTS_KEEP_DAYS", default=14)
