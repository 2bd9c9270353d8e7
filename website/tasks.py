import socket

from celery import shared_task


@shared_task(name="website.healthcheck")
def healthcheck(token):
    """Echo a token with the worker's host name: proves a message went through the broker and back."""
    return {"token": token, "worker": socket.gethostname()}
