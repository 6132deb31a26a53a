"""The task worker for production: runs queued tasks, outlives database faults, and
does the queue's housekeeping.

django_tasks_db's `db_worker` exits on the first database error (a restart, a
failover, a dropped connection) and stays down. This command runs the same worker
in rounds: each round runs every task that is ready, then waits `--interval`
seconds. A database error ends only the round: the connection is dropped, the
command waits (1 s, doubling up to 10 s) and starts again, so a restarted database
is picked up within seconds. Between rounds it
- queues again the failed mails whose retry delay has passed (core.tasks), every
  `--retry-every` seconds, so mail refused while the mail server was down goes out
  once it is back, with nobody running a command;
- after a database fault, queues again the task it was running when the
  connection broke (it is still marked running);
- once a day deletes finished task results older than TASK_RESULTS_KEEP_DAYS and runs
  the jobs named in settings.WORKER_DAILY_JOBS (dotted paths, so this floor imports no
  app); a failing job is logged and the others still run;
- once a day sends the notification digests (core.notifications.digest).

SIGTERM or Ctrl+C lets a running task finish, then stops.
"""

import logging
import signal
import time
import uuid

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, InterfaceError, connections
from django.tasks import DEFAULT_TASK_BACKEND_ALIAS
from django.utils.module_loading import import_string

from core.notifications.digest import send_digests
from core.tasks import retry_failed_mail

logger = logging.getLogger("core.worker")

MAX_BACKOFF_SECONDS = 10.0
PRUNE_EVERY_SECONDS = 24 * 60 * 60
DIGEST_EVERY_SECONDS = 24 * 60 * 60


def run_daily_jobs() -> None:
    for path in getattr(settings, "WORKER_DAILY_JOBS", []):
        try:
            import_string(path)()
        except (DatabaseError, InterfaceError):
            raise  # the round's own handling: wait for the database, then go on
        except Exception:
            logger.exception("Daily job %s failed", path)


class Command(BaseCommand):
    help = "Run queued tasks; survive database restarts; retry failed mail; prune old results."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between rounds.")
        parser.add_argument(
            "--retry-every",
            type=float,
            default=60.0,
            help="Seconds between looks for failed mails that are due again.",
        )
        parser.add_argument(
            "--max-rounds",
            type=int,
            default=0,
            help="Stop after this many rounds (0: run until stopped); for tests and scripts.",
        )

    def handle(self, *args, **options):
        from django_tasks_db.backend import DatabaseBackend

        from core.tasks import send_email

        if not isinstance(send_email.get_backend(), DatabaseBackend):
            raise CommandError("run_worker needs TASKS_BACKEND=django_tasks_db.DatabaseBackend.")

        self.stopping = False
        previous = {sig: signal.signal(sig, self._stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            self._run(options)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def _run(self, options: dict) -> None:
        from django_tasks_db.management.commands.db_worker import Worker

        worker_id = f"{uuid.uuid4().hex[:12]}"
        backoff = 1.0
        last_retry = last_prune = float("-inf")  # both due in the first round
        last_digest = time.monotonic()  # the first digest a day after the start
        rounds = 0
        logger.info("Worker %s started", worker_id)
        while not self.stopping:
            try:
                if backoff > 1.0:
                    self._requeue_interrupted(worker_id)
                worker = Worker(
                    queue_names=["*"],
                    interval=0,
                    batch=True,
                    backend_name=DEFAULT_TASK_BACKEND_ALIAS,
                    startup_delay=False,
                    max_tasks=None,
                    worker_id=worker_id,
                    excluded_queue_names=[],
                )
                self.worker = worker
                worker.run()
                now = time.monotonic()
                if now - last_retry >= options["retry_every"]:
                    last_retry = now
                    retry_failed_mail(due_only=True)
                if now - last_prune >= PRUNE_EVERY_SECONDS:
                    last_prune = now
                    self._prune()
                    run_daily_jobs()
                if now - last_digest >= DIGEST_EVERY_SECONDS:
                    last_digest = now
                    send_digests()
                if backoff > 1.0:
                    logger.info("Database reachable again; worker %s resumed", worker_id)
                backoff = 1.0
                pause = options["interval"]
            except (DatabaseError, InterfaceError) as error:
                logger.warning(
                    "Database error in the worker (%s); retrying in %.0f s",
                    (str(error).strip().splitlines() or [""])[0],
                    backoff,
                )
                connections.close_all()
                pause = backoff
                backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)
            rounds += 1
            if options["max_rounds"] and rounds >= options["max_rounds"]:
                break
            self._sleep(pause)
        logger.info("Worker %s stopped", worker_id)

    def _requeue_interrupted(self, worker_id: str) -> None:
        """A task this worker was running when the database went away is still marked
        running; run it again (a mail may then go out twice, rather than never)."""
        from django.tasks import TaskResultStatus
        from django_tasks_db.models import DBTaskResult

        interrupted = [
            result.pk
            for result in DBTaskResult.objects.running()
            if result.worker_ids and result.worker_ids[-1] == worker_id
        ]
        if interrupted:
            DBTaskResult.objects.filter(pk__in=interrupted).update(
                status=TaskResultStatus.READY, started_at=None
            )
            logger.warning(
                "Queued again %d task(s) cut off by the database fault", len(interrupted)
            )

    def _prune(self) -> None:
        call_command(
            "prune_db_task_results",
            min_age_days=settings.TASK_RESULTS_KEEP_DAYS,
            # Failed mails are kept longer than the retries last, for staff to see.
            failed_min_age_days=max(settings.TASK_RESULTS_KEEP_DAYS, 30),
            verbosity=0,
        )

    def _stop(self, signum, frame) -> None:
        logger.info("Received %s; stopping after the current task", signal.strsignal(signum))
        self.stopping = True
        worker = getattr(self, "worker", None)
        if worker is not None:
            worker.running = False

    def _sleep(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < deadline:
            time.sleep(min(0.2, deadline - time.monotonic()))
