"""Proves the real background path: a worker process, the configured broker, a result coming back."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from website.celery import app
from website.tasks import healthcheck

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.worker
def test_a_real_worker_runs_a_task_sent_through_the_configured_broker():
    # A private queue keeps a developer's running worker from taking the message.
    queue = f"test-{uuid.uuid4().hex[:12]}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "website.settings.test", "PYTHONUNBUFFERED": "1"}
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "website",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "-Q",
            queue,
            "-n",
            f"{queue}@%h",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        token = uuid.uuid4().hex
        result = healthcheck.apply_async(args=[token], queue=queue)
        value = result.get(timeout=60)
        assert value["token"] == token
        print(f"worker answered through broker {settings.CELERY_BROKER_URL.split('://')[0]}://")
    finally:
        app.conf.task_always_eager = previous
        worker.terminate()
        try:
            output, _ = worker.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            output, _ = worker.communicate()
    assert "website.healthcheck" in output and "succeeded" in output, output
