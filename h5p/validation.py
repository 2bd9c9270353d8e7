"""Checks an uploaded `.h5p` archive before anything is stored.

Pure functions over a zip file: they read the archive, never the database or the storage, and
raise ``PackageRejected`` with a translated message that names the problem.
"""

import json
import posixpath
import re
import stat
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# H5P core's default whitelist for every file of a package (H5PCore::$defaultContentWhitelist in
# h5p-php-library), so real hub exports pass: Course Presentation carries Downloadify's .swf, which
# no current browser runs and which is served with its own type and nosniff, never executed here.
# webp, avif, oga and ogv are media browsers play natively that editors put in content too.
CONTENT_EXTENSIONS = frozenset(
    """
    json png jpg jpeg gif bmp tif tiff svg eot ttf woff woff2 otf webm mp4 ogg mp3 m4a wav txt pdf rtf
    doc docx xls xlsx ppt pptx odt ods odp xml csv diff patch swf md textile vtt webvtt gltf glb
    webp avif oga ogv
    """.split()
)
# H5P core allows scripts and styles only in library folders (H5PCore::$defaultLibraryWhitelistExtras);
# source maps come with the scripts of some libraries.
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | {"js", "css", "map"}
# Never on either list: named here so the editor is told why. Server-side programs could run if a
# storage or web server were ever set up to execute them; HTML would run on the platform's origin.
SERVER_SIDE_EXTENSIONS = frozenset(
    """
    php php3 php4 php5 php7 php8 phtml pht phps phar inc py pyc pyo pyw pl pm cgi rb sh bash zsh ksh csh
    exe dll so com bat cmd ps1 psm1 vbs vbe wsf msi jar war jsp jspx asp aspx ashx asmx cfm shtml htaccess
    html htm xhtml
    """.split()
)
# A ratio check on tiny files would reject ordinary JSON; bombs need large entries anyway.
RATIO_CHECK_MIN_BYTES = 1024 * 1024
# h5p.json, content.json and library.json are parsed in memory; real ones are far smaller.
MAX_JSON_BYTES = 20 * 1024 * 1024

LIBRARY_NAME = re.compile(r"^[\w.\-]{1,255}$")


class PackageRejected(Exception):
    """The archive is not an acceptable H5P package; ``message`` says why, for the editor."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Limits:
    max_upload_size: int
    max_uncompressed_size: int
    max_compression_ratio: int
    max_files: int

    @classmethod
    def from_settings(cls):
        from django.conf import settings

        return cls(
            max_upload_size=settings.H5P_MAX_UPLOAD_SIZE,
            max_uncompressed_size=settings.H5P_MAX_UNCOMPRESSED_SIZE,
            max_compression_ratio=settings.H5P_MAX_COMPRESSION_RATIO,
            max_files=settings.H5P_MAX_FILES,
        )


@dataclass
class PackageManifest:
    """What a valid package contains: its metadata and the zip entries to extract."""

    title: str
    language: str
    main_library: str
    main_library_version: str
    h5p_json: dict
    entries: list = field(default_factory=list)
    uncompressed_size: int = 0

    @property
    def file_count(self):
        return len(self.entries)


def megabytes(size):
    return f"{size / (1024 * 1024):.1f}"


def library_folder(dependency):
    return f"{dependency['machineName']}-{dependency['majorVersion']}.{dependency['minorVersion']}"


def library_label(dependency):
    return f"{dependency['machineName']} {dependency['majorVersion']}.{dependency['minorVersion']}"


def check_upload_size(size, limits):
    if size > limits.max_upload_size:
        raise PackageRejected(
            _("The file is %(size)s MB; packages may be at most %(limit)s MB.")
            % {"size": megabytes(size), "limit": megabytes(limits.max_upload_size)}
        )


def open_archive(fileobj):
    try:
        fileobj.seek(0)
        return zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise PackageRejected(
            _("This file is not an H5P package: it is not a valid zip archive. Export it again as .h5p.")
        ) from error


def is_symlink(info):
    mode = info.external_attr >> 16
    return stat.S_ISLNK(mode)


def check_entry_name(name):
    """Refuse paths that could escape the package's folder once extracted."""
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        raise PackageRejected(
            _("The package contains a file with an absolute path: %(name)s") % {"name": name}
        )
    if "\\" in name:
        raise PackageRejected(
            _("The package contains a file name with a backslash, which is not allowed: %(name)s")
            % {"name": name}
        )
    if "\x00" in name:
        raise PackageRejected(_("The package contains a file name with a null character."))
    segments = name.split("/")
    if ".." in segments:
        raise PackageRejected(
            _("The package contains a path with '..' that points outside the package: %(name)s")
            % {"name": name}
        )


def is_ignored(name):
    """Files and folders whose name starts with '.' or '_' (.DS_Store, __MACOSX, .en.json, .htaccess).

    H5P core skips exactly these when it checks and installs a package; they are editor-only or
    archiver leftovers, so they are neither checked nor extracted.
    """
    return any(segment[:1] in {".", "_"} for segment in name.rstrip("/").split("/") if segment)


def extension_of(name):
    return posixpath.splitext(name)[1].lower().lstrip(".")


def library_folders(names):
    """Top-level folders holding a library.json: the only places H5P runs scripts from."""
    return {
        name.split("/")[0]
        for name in names
        if name.count("/") == 1 and name.endswith("/library.json") and not name.startswith("content/")
    }


def check_extension(name, *, libraries):
    extension = extension_of(name)
    in_library = "/" in name and name.split("/")[0] in libraries
    if extension in {"js", "css", "map"} and not in_library:
        raise PackageRejected(
            _(
                "The package contains a script or style sheet outside any library: %(name)s. "
                "H5P allows JavaScript and CSS only inside a library folder (a folder with a "
                "library.json), never in content/."
            )
            % {"name": name}
        )
    if extension in SERVER_SIDE_EXTENSIONS or extension not in LIBRARY_EXTENSIONS:
        raise PackageRejected(
            _(
                "The package contains a file type that is not allowed: %(name)s. "
                "H5P packages may only contain the file types H5P itself allows: media, documents, "
                "fonts and JSON, and JavaScript and CSS inside library folders."
            )
            % {"name": name}
        )


def check_sizes(entries, archive_size, limits):
    total = sum(info.file_size for info in entries)
    if total > limits.max_uncompressed_size:
        raise PackageRejected(
            _("Unpacked, the package would take %(size)s MB; the limit is %(limit)s MB.")
            % {"size": megabytes(total), "limit": megabytes(limits.max_uncompressed_size)}
        )
    ratio_limit = limits.max_compression_ratio
    if archive_size and total > RATIO_CHECK_MIN_BYTES and total / archive_size > ratio_limit:
        raise PackageRejected(
            _(
                "The package unpacks to %(ratio)d times its own size (the limit is %(limit)d times); "
                "it looks like a zip bomb."
            )
            % {"ratio": total // archive_size, "limit": ratio_limit}
        )
    for info in entries:
        if info.file_size > RATIO_CHECK_MIN_BYTES and info.file_size > ratio_limit * max(
            info.compress_size, 1
        ):
            raise PackageRejected(
                _(
                    "The file %(name)s unpacks to %(ratio)d times its compressed size "
                    "(the limit is %(limit)d times); it looks like a zip bomb."
                )
                % {
                    "name": info.filename,
                    "ratio": info.file_size // max(info.compress_size, 1),
                    "limit": ratio_limit,
                }
            )
    return total


def read_json(archive, info, *, what):
    if info.file_size > MAX_JSON_BYTES:
        raise PackageRejected(
            _("%(what)s is too large (%(size)s MB).") % {"what": what, "size": megabytes(info.file_size)}
        )
    try:
        with archive.open(info) as handle:
            raw = handle.read(MAX_JSON_BYTES + 1)
        # H5P tools write UTF-8, some with a byte-order mark.
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PackageRejected(
            _("%(what)s is not valid JSON: %(error)s")
            % {"what": what, "error": getattr(error, "msg", str(error))}
        ) from error
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as error:
        raise PackageRejected(_("%(what)s cannot be read from the archive.") % {"what": what}) from error


def check_dependency(dependency, *, where):
    valid = (
        isinstance(dependency, dict)
        and isinstance(dependency.get("machineName"), str)
        and LIBRARY_NAME.match(dependency["machineName"])
        and _is_version_number(dependency.get("majorVersion"))
        and _is_version_number(dependency.get("minorVersion"))
    )
    if not valid:
        raise PackageRejected(
            _("%(where)s lists a dependency without a valid machineName, majorVersion and minorVersion.")
            % {"where": where}
        )


def _is_version_number(value):
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return value >= 0
    return isinstance(value, str) and value.isdigit()


def check_h5p_json(data):
    if not isinstance(data, dict):
        raise PackageRejected(_("h5p.json must contain a JSON object."))
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        raise PackageRejected(_("h5p.json has no title."))
    main_library = data.get("mainLibrary")
    if not isinstance(main_library, str) or not LIBRARY_NAME.match(main_library):
        raise PackageRejected(_("h5p.json does not name its main library (mainLibrary)."))
    dependencies = data.get("preloadedDependencies")
    if not isinstance(dependencies, list) or not dependencies:
        raise PackageRejected(_("h5p.json lists no libraries (preloadedDependencies)."))
    for dependency in dependencies:
        check_dependency(dependency, where="h5p.json")
    main = next((dep for dep in dependencies if dep["machineName"] == main_library), None)
    if main is None:
        raise PackageRejected(
            _("The main library %(library)s is not listed in the preloadedDependencies of h5p.json.")
            % {"library": main_library}
        )
    return main


def check_preloaded_files(library, folder, files_by_name):
    """Every script and style sheet a library.json lists must be in the package, as H5P core checks;
    otherwise the player loads nothing and the learner sees an empty box."""
    where = f"{folder}/library.json"
    for listing in ("preloadedJs", "preloadedCss"):
        entries = library.get(listing)
        if entries is None:
            continue
        if not isinstance(entries, list):
            raise PackageRejected(
                _("%(file)s has an invalid %(listing)s list.") % {"file": where, "listing": listing}
            )
        for entry in entries:
            path = entry.get("path") if isinstance(entry, dict) else None
            if (
                not isinstance(path, str)
                or not path
                or path.startswith("/")
                or "\\" in path
                or ".." in path.split("/")
            ):
                raise PackageRejected(
                    _("%(file)s lists an entry in %(listing)s without a valid path inside the library.")
                    % {"file": where, "listing": listing}
                )
            name = f"{folder}/{path}"
            if name not in files_by_name:
                raise PackageRejected(
                    _(
                        "%(file)s lists %(name)s in %(listing)s, but the package does not contain it. "
                        "Export the content again with all libraries included."
                    )
                    % {"file": where, "name": name, "listing": listing}
                )


def check_libraries(archive, files_by_name, dependencies):
    """Every library h5p.json needs, and every library those need, must be inside the package."""
    checked = set()
    pending = [(dep, "h5p.json") for dep in dependencies]
    while pending:
        dependency, required_by = pending.pop(0)
        folder = library_folder(dependency)
        if folder in checked:
            continue
        checked.add(folder)
        info = files_by_name.get(f"{folder}/library.json")
        if info is None:
            if required_by == "h5p.json":
                message = _(
                    "The library %(library)s is required by h5p.json but is missing from the package "
                    "(no %(folder)s/library.json). Export the content again with all libraries included."
                )
            else:
                message = _(
                    "The library %(library)s is required by %(required_by)s but is missing from the package "
                    "(no %(folder)s/library.json). Export the content again with all libraries included."
                )
            raise PackageRejected(
                message % {"library": library_label(dependency), "folder": folder, "required_by": required_by}
            )
        library = read_json(archive, info, what=f"{folder}/library.json")
        if not isinstance(library, dict):
            raise PackageRejected(
                _("%(file)s must contain a JSON object.") % {"file": f"{folder}/library.json"}
            )
        check_preloaded_files(library, folder, files_by_name)
        nested = library.get("preloadedDependencies") or []
        if not isinstance(nested, list):
            raise PackageRejected(
                _("%(file)s has an invalid preloadedDependencies list.") % {"file": f"{folder}/library.json"}
            )
        for child in nested:
            check_dependency(child, where=f"{folder}/library.json")
            pending.append((child, library_label(dependency)))
    return checked


def validate_package(fileobj, *, size, limits):
    """Check an uploaded package; return its ``PackageManifest`` or raise ``PackageRejected``.

    ``fileobj`` is a seekable binary file; ``size`` its length in bytes.
    """
    check_upload_size(size, limits)
    archive = open_archive(fileobj)
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_files:
            raise PackageRejected(
                _("The package contains %(count)d files; the limit is %(limit)d.")
                % {"count": len(infos), "limit": limits.max_files}
            )
        entries = []
        for info in infos:
            check_entry_name(info.filename)
            if is_symlink(info):
                raise PackageRejected(
                    _("The package contains a symbolic link, which is not allowed: %(name)s")
                    % {"name": info.filename}
                )
            if info.is_dir() or is_ignored(info.filename):
                continue
            entries.append(info)
        libraries = library_folders(info.filename for info in entries)
        for info in entries:
            check_extension(info.filename, libraries=libraries)
        total = check_sizes(entries, size, limits)
        files_by_name = {info.filename: info for info in entries}

        h5p_info = files_by_name.get("h5p.json")
        if h5p_info is None:
            raise PackageRejected(
                _(
                    "The package has no h5p.json at its top level. "
                    "Is this an .h5p export from Lumi or h5p.org?"
                )
            )
        h5p_json = read_json(archive, h5p_info, what="h5p.json")
        main = check_h5p_json(h5p_json)
        check_libraries(archive, files_by_name, h5p_json["preloadedDependencies"])

        content_info = files_by_name.get("content/content.json")
        if content_info is None:
            raise PackageRejected(_("The package has no content/content.json."))
        content = read_json(archive, content_info, what="content/content.json")
        if not isinstance(content, dict):
            raise PackageRejected(_("content/content.json must contain a JSON object."))

    language = h5p_json.get("language")
    return PackageManifest(
        title=h5p_json["title"].strip()[:255],
        language=language if isinstance(language, str) and language != "und" else "",
        main_library=main["machineName"],
        main_library_version=f"{main['majorVersion']}.{main['minorVersion']}",
        h5p_json=h5p_json,
        entries=entries,
        uncompressed_size=total,
    )
