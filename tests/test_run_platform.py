"""`make run` serves through `manage.py run_platform`: web, worker and beat start, and stop together."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bare_machine_environment(tmp_path, **extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "website.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "VAR_DIR": str(tmp_path / "var"),
        "PYTHONUNBUFFERED": "1",
        **extra,
    }
    env.pop("CELERY_BROKER_URL", None)  # a bare machine: the filesystem broker
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    return env


def start_platform(env, port, output):
    return subprocess.Popen(
        [sys.executable, "manage.py", "run_platform", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


@pytest.mark.worker
def test_run_platform_serves_and_sigterm_stops_every_process(tmp_path):
    env = bare_machine_environment(tmp_path)
    port = free_port()
    process = start_platform(env, port, subprocess.PIPE)
    try:
        body = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and body is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                    body = response.read().decode()
            except OSError:
                time.sleep(0.5)
        assert body == '{"status": "ok"}'
        children = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True)
        assert len(children.stdout.split()) == 3  # web, worker and beat
    finally:
        os.killpg(os.getpgid(process.pid), signal.SIGTERM)
        output, _ = process.communicate(timeout=30)
    assert "Stopped web, worker and beat." in output
    time.sleep(1)
    leftover = subprocess.run(["pgrep", "-f", f"runserver 127.0.0.1:{port}"], capture_output=True, text=True)
    assert leftover.stdout.strip() == ""


@pytest.mark.worker
def test_ctrl_c_stops_beat_and_worker_without_a_traceback(tmp_path):
    # Beat has a schedule entry to write back when it stops, as it has after running a while.
    env = bare_machine_environment(tmp_path, XAPI_FORWARD_INTERVAL_SECONDS="1")
    log = tmp_path / "run_platform.log"
    with log.open("w") as output:
        process = start_platform(env, free_port(), output)
        try:
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline and "Sending due task" not in log.read_text():
                time.sleep(0.5)
            assert "Sending due task" in log.read_text()
        finally:
            # Ctrl-C in a terminal signals the whole foreground process group.
            os.killpg(os.getpgid(process.pid), signal.SIGINT)
            process.wait(timeout=30)
    text = log.read_text()
    assert "Stopped web, worker and beat." in text
    assert "Traceback" not in text
    assert "Cannot operate on a closed database" not in text
    assert "cold shutdown" not in text.lower()


def site_url_seen_by(env):
    code = "import django; django.setup(); from django.conf import settings; print(settings.SITE_URL)"
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


def test_without_site_url_certificate_links_follow_the_port_the_platform_serves_on(monkeypatch):
    from website.management.commands.run_platform import Command

    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "website.settings.dev")
    env = Command.child_environment({"port": "8123", "host": "127.0.0.1"})
    assert env["PORT"] == "8123"
    assert site_url_seen_by(env) == "http://127.0.0.1:8123"


def test_an_explicit_site_url_wins_over_the_port(monkeypatch):
    from website.management.commands.run_platform import Command

    monkeypatch.setenv("SITE_URL", "https://learn.example.org/")
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "website.settings.dev")
    env = Command.child_environment({"port": "8123", "host": "127.0.0.1"})
    assert site_url_seen_by(env) == "https://learn.example.org"
