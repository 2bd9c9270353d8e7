"""Serve the site with a Celery worker and beat, all in the foreground.

Ctrl-C or SIGTERM (to this process or its process group) stops every process this command started."""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the web server, a Celery worker and Celery beat together until interrupted."

    def add_arguments(self, parser):
        parser.add_argument("--port", default=settings.PORT)
        parser.add_argument("--host", default=settings.HOST)

    @staticmethod
    def child_environment(options):
        """The environment of web, worker and beat: they serve on, and link to, the chosen port."""
        settings_module = os.environ.get("DJANGO_SETTINGS_MODULE", "website.settings.dev")
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": settings_module,
            "PYTHONUNBUFFERED": "1",
            "PORT": str(options["port"]),
            "HOST": options["host"],
        }

    def handle(self, *args, **options):
        python = sys.executable
        env = self.child_environment(options)
        beat_schedule = settings.VAR_DIR / "celerybeat"
        beat_schedule.parent.mkdir(parents=True, exist_ok=True)
        commands = {
            "web": [python, "manage.py", "runserver", f"{options['host']}:{options['port']}", "--noreload"],
            "worker": [
                python,
                "-m",
                "celery",
                "-A",
                "website",
                "worker",
                "--loglevel=INFO",
                "--concurrency=2",
                "--pool=prefork",
                "-n",
                "worker@%h",
            ],
            "beat": [
                python,
                "-m",
                "celery",
                "-A",
                "website",
                "beat",
                "--loglevel=INFO",
                "--schedule",
                str(beat_schedule),
            ],
        }
        broker = settings.CELERY_BROKER_URL.split("://")[0]
        database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        self.stdout.write(
            f"Starting web on http://{options['host']}:{options['port']}/ (database: {database}, "
            f"broker: {broker}). Press Ctrl-C to stop."
        )
        # Each child runs in its own process group, so Ctrl-C in the terminal reaches only this
        # command, which then signals every child exactly once. A child signalled twice shuts down
        # badly: beat's SIGINT handler is interrupted by the SIGTERM while it writes its schedule
        # (about 1,200 lines of "Cannot operate on a closed database"), the worker goes cold.
        processes = {name: subprocess.Popen(cmd, env=env, process_group=0) for name, cmd in commands.items()}
        stopping = False

        def stop(signum=None, frame=None):
            nonlocal stopping
            if stopping:
                return
            stopping = True
            for process in processes.values():
                if process.poll() is None:
                    process.terminate()
            deadline = time.monotonic() + 10
            for process in processes.values():
                remaining = max(0.1, deadline - time.monotonic())
                try:
                    process.wait(timeout=remaining)
                except subprocess.TimeoutExpired:
                    process.kill()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        try:
            while not stopping:
                for name, process in processes.items():
                    if process.poll() is not None:
                        self.stderr.write(
                            f"{name} exited with status {process.returncode}; stopping the rest."
                        )
                        stop()
                        break
                time.sleep(0.5)
        finally:
            stop()
        self.stdout.write("Stopped web, worker and beat.")
