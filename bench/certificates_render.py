"""Benchmark: certificate PDF render time in a batch, and a bulk ZIP of 200 certificates.

Run: .venv/bin/python bench/certificates_render.py [--count 200] [--profile]
It creates a throw-away test database (SQLite by default, or DATABASE_URL), issues ``count``
certificates, then times (1) rendering each PDF with one shared renderer, as the export task does, and
(2) the export service building the ZIP from scratch (rendering included). Targets on the reference
machine: under 50 ms per certificate in a batch, and 200 certificates zipped in under 20 s."""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--profile", action="store_true", help="print the top functions of one batch")
    args = parser.parse_args()

    import logging

    import django
    from django.conf import settings

    media = tempfile.mkdtemp(prefix="bench-certificates-")
    settings.MEDIA_ROOT = media
    settings.CERTIFICATES_SIGNING_KEY_PATH = Path(media) / "signing.pem"
    # Private files (packages, PDFs) go to the same throw-away folder as the media.
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": settings.MEDIA_ROOT, "base_url": None},
        },
    }
    django.setup()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("celery").setLevel(logging.ERROR)

    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        run(args)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run(args):
    from accounts.tests.factories import UserFactory
    from certificates import services
    from certificates.models import Certificate
    from certificates.pdf import PdfRenderer
    from courses.tests.factories import make_catalogue, make_course
    from website import demo

    demo.load()
    course = make_course(
        make_catalogue(),
        title="Hiring refugees legally",
        modules=1,
        lessons_per_module=1,
        certificate_validity_months=24,
    )
    languages = ["en", "de", "nl", "ar"]
    trainer = UserFactory(is_superuser=True, is_staff=True)
    for n in range(args.count):
        learner = UserFactory(
            first_name="Amal" if n % 4 != 3 else "أمل",
            last_name=f"Haddad {n}",
            preferred_language=languages[n % 4],
        )
        services.issue(learner, course)
    certificates = list(Certificate.objects.select_related("issuer").order_by("pk"))

    renderer = PdfRenderer()
    start = time.perf_counter()
    renderer.render(certificates[0])
    cold = time.perf_counter() - start

    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for certificate in certificates[:20]:
            renderer.render(certificate)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)

    timings = []
    for certificate in certificates:
        start = time.perf_counter()
        renderer.render(certificate)
        timings.append(time.perf_counter() - start)

    # From scratch: no stored PDFs, so the export renders every certificate, as after a template change.
    Certificate.objects.update(pdf="", pdf_fingerprint="")
    export = services.start_export(trainer, course.translation_key, course.title)
    start = time.perf_counter()
    services.build_export(export)
    zip_seconds = time.perf_counter() - start
    export.refresh_from_db()
    # The usual case: the PDFs were rendered when the certificates were issued.
    stored_export = services.start_export(trainer, course.translation_key, course.title)
    start = time.perf_counter()
    services.build_export(stored_export)
    stored_seconds = time.perf_counter() - start

    by_language = {}
    for certificate, seconds in zip(certificates, timings, strict=True):
        by_language.setdefault(certificate.language, []).append(seconds)
    timings.sort()
    print(f"certificates: {len(certificates)} (a quarter each in en, de, nl, ar)")
    for language, values in sorted(by_language.items()):
        print(f"  {language}: median {statistics.median(values) * 1000:.1f} ms")
    print(f"first render (fonts loaded): {cold * 1000:.0f} ms")
    print(
        f"render per certificate in a batch: mean {statistics.mean(timings) * 1000:.1f} ms, "
        f"median {statistics.median(timings) * 1000:.1f} ms, "
        f"p95 {timings[int(len(timings) * 0.95)] * 1000:.1f} ms"
    )
    print(
        f"ZIP of {export.total} certificates from scratch (render + zip): {zip_seconds:.2f} s, "
        f"{export.archive.size / 1e6:.1f} MB"
    )
    print(f"ZIP of {stored_export.total} certificates with stored PDFs: {stored_seconds:.2f} s")
    print(f"load average while running: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


if __name__ == "__main__":
    main()
