"""Extracting packages into, and removing them from, the private storage (``website.private_files``:
files are served only by ``views.serve_content``, to people who may see a lesson using them).

Only the storage API is used (save/open/delete/listdir), so S3-compatible backends work in production
exactly like the local file system in development.
"""

import logging
import os
import posixpath
import secrets
import tempfile
import zipfile

from django.conf import settings
from django.core.files.base import File
from django.utils.translation import gettext as _

from website.private_files import storage as package_storage

from .validation import PackageRejected

logger = logging.getLogger(__name__)

CHUNK = 1024 * 1024
# Members up to this size are copied in memory before they are stored, bigger ones on disk.
SPOOL_IN_MEMORY = 8 * 1024 * 1024


def new_prefix(package_uid):
    """A folder no other revision uses, so the old files stay playable until the swap commits."""
    return f"{settings.H5P_STORAGE_PREFIX}/{package_uid}/{secrets.token_hex(8)}"


class _CappedReader:
    """Reads a zip member but stops at its declared size: a forged header cannot inflate beyond it."""

    def __init__(self, handle, limit, name):
        self.handle = handle
        self.remaining = limit
        self.name = name

    def read(self, size=-1):
        if size is None or size < 0:
            size = CHUNK
        data = self.handle.read(min(size, self.remaining + 1))
        self.remaining -= len(data)
        if self.remaining < 0:
            raise PackageRejected(
                _("The file %(name)s is larger than the archive says; the package is damaged or forged.")
                % {"name": self.name}
            )
        return data


def _spooled_copy(handle, info):
    """A seekable copy of one member: object-store backends rewind and re-read what they upload."""
    reader = _CappedReader(handle, info.file_size, info.filename)
    copy = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)
    while chunk := reader.read(CHUNK):
        copy.write(chunk)
    copy.seek(0)
    return copy


def extract(fileobj, manifest, prefix, storage=None):
    """Write every entry of the validated manifest under ``prefix``; return the stored names.

    If anything fails half-way, whatever was written is removed again before the error propagates.
    """
    storage = storage or package_storage
    stored = []
    try:
        fileobj.seek(0)
        with zipfile.ZipFile(fileobj) as archive:
            for info in manifest.entries:
                target = f"{prefix}/{info.filename}"
                with archive.open(info) as handle, _spooled_copy(handle, info) as copy:
                    saved = storage.save(target, File(copy, name=posixpath.basename(info.filename)))
                stored.append(saved)
                if saved != target:
                    # The prefix is new, so a renamed file means a collision we cannot serve correctly.
                    raise OSError(f"storage renamed {target} to {saved}")
    except BaseException:
        delete_files(stored, storage=storage)
        raise
    return stored


def delete_files(names, storage=None):
    storage = storage or package_storage
    for name in names:
        try:
            storage.delete(name)
        except OSError:
            logger.warning("Could not delete H5P file %s", name, exc_info=True)


def delete_prefix(prefix, storage=None):
    """Remove every file below ``prefix`` (a previous revision, or a deleted package)."""
    storage = storage or package_storage
    if not prefix:
        return
    try:
        directories, files = storage.listdir(prefix)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        try:
            storage.delete(f"{prefix}/{name}")
        except OSError:
            logger.warning("Could not delete H5P file %s/%s", prefix, name, exc_info=True)
    for directory in directories:
        delete_prefix(f"{prefix}/{directory}", storage=storage)
    _remove_empty_local_directory(storage, prefix)


def _remove_empty_local_directory(storage, prefix):
    # Object stores have no directories; on the local file system empty folders would pile up.
    try:
        path = storage.path(prefix)
    except NotImplementedError:
        return
    try:
        os.rmdir(path)
    except OSError:
        pass
