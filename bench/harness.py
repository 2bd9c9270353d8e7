"""What the server benchmarks share: the environment of the server under test and a PostgreSQL
database of their own, created (or recreated) and migrated through ``manage.py``."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def server_environment(database_url, *, cache_url=None, settings="website.settings.dev", **extra):
    """The environment for ``manage.py`` and gunicorn: DEBUG off, a fixed secret, persistent database
    connections, quiet logs. The dev settings are the default: the production settings add HTTPS-only
    cookies and a manifest static storage that needs collectstatic, neither of which changes page work."""
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": settings,
            "DEBUG": "0",
            "SECRET_KEY": "bench-only-secret-key-not-for-production-use-0123456789",
            "DATABASE_URL": database_url,
            "DATABASE_CONN_MAX_AGE": "600",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "LOG_LEVEL": "WARNING",
            **({"CACHE_URL": cache_url} if cache_url else {}),
            **extra,
        }
    )
    return env


def create_database(database_url, env, *, reset=False):
    """Create the database named at the end of ``database_url`` (dropped first with ``reset``) and
    migrate it."""
    import psycopg

    base, name = database_url.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and reset:
            connection.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name]
            )
            connection.execute(f'DROP DATABASE "{name}"')
            exists = None
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )
