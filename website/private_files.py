"""Private files: stored outside MEDIA_ROOT and handed out only by views that checked permission.

Certificate PDFs, certificate exports and H5P packages live here; later plan exports and
personal-data exports too. Images, logos and documents stay in the public default storage.

The API for other apps (``docs/permissions.md`` describes it):

- ``storage``: the private storage (``STORAGES["private"]``), lazy, so tests can swap it;
- ``private_storage``: the callable to give a ``FileField`` (``storage=private_storage``);
- ``serve(request, name, filename=..., content_type=...)``: the response for a file the view has
  decided the person may have. Depending on the storage and ``PRIVATE_FILES_SERVER`` it

  * redirects to a short-lived signed URL when the storage is remote (django-storages' S3 and other
    object stores: ``storage.url(name, expire=PRIVATE_FILES_URL_SECONDS)``),
  * hands the file to the web server with ``X-Accel-Redirect`` (nginx, ``PRIVATE_FILES_SERVER=nginx``,
    an ``internal`` location at ``PRIVATE_FILES_INTERNAL_URL``) or ``X-Sendfile`` (Apache/lighttpd,
    ``PRIVATE_FILES_SERVER=sendfile``),
  * or streams it from Python (the default, as under ``make run``)."""

from django.conf import settings
from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.encoding import iri_to_uri
from django.utils.functional import LazyObject, empty
from django.utils.http import content_disposition_header


class PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages["private"]


storage = PrivateStorage()


def private_storage():
    """For ``FileField(storage=private_storage)``; migrations record this callable, not a path."""
    return storage


@receiver(setting_changed)
def _forget_storage(*, setting, **kwargs):
    if setting in {"STORAGES", "PRIVATE_FILES_ROOT"}:
        storage._wrapped = empty


def is_remote(backend):
    """Object stores have no local path; they sign URLs instead."""
    try:
        backend.path("probe")
    except NotImplementedError:
        return True
    return False


def serve(
    request, name, *, filename, content_type="application/octet-stream", as_attachment=True, backend=None
):
    """The response that hands the private file ``name`` to a person the caller has authorised."""
    backend = backend or storage
    disposition = content_disposition_header(as_attachment, filename)
    if is_remote(backend):
        return HttpResponseRedirect(backend.url(name, expire=settings.PRIVATE_FILES_URL_SECONDS))
    if not backend.exists(name):
        raise Http404
    mode = settings.PRIVATE_FILES_SERVER
    if mode in {"nginx", "sendfile"}:
        response = HttpResponse(content_type=content_type)
        if mode == "nginx":
            internal = settings.PRIVATE_FILES_INTERNAL_URL.rstrip("/")
            response["X-Accel-Redirect"] = iri_to_uri(f"{internal}/{name}")
        else:
            response["X-Sendfile"] = backend.path(name)
    else:
        response = FileResponse(backend.open(name, "rb"), content_type=content_type)
    response["Content-Disposition"] = disposition
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def move_public_folder(folder):
    """Move ``folder`` (and what is in it) from the public default storage to the private one.

    Data migrations call it once for files written before they became private; files already in
    the private storage are left alone. Works through the storage API, so object stores work too."""
    from django.core.files.storage import default_storage

    try:
        directories, files = default_storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError, OSError):
        return 0
    moved = 0
    for name in files:
        path = f"{folder}/{name}"
        if not storage.exists(path):
            with default_storage.open(path, "rb") as handle:
                storage.save(path, handle)
        default_storage.delete(path)
        moved += 1
    for directory in directories:
        moved += move_public_folder(f"{folder}/{directory}")
    return moved
