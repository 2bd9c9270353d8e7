"""Reading the database from a browser test while the live server may still be writing."""

from django.db import OperationalError


def read_when_free(page, read, attempts=50):
    """``read()``, retried while the live server's thread holds a write lock.

    The H5P player posts its statements in the background. SQLite's shared in-memory test database
    answers "table is locked" at once instead of waiting for that write to commit (PostgreSQL just
    waits), so a read from the test thread is retried a little later."""
    for _ in range(attempts - 1):
        try:
            return read()
        except OperationalError:
            page.wait_for_timeout(100)
    return read()
