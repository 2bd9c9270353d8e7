"""Settings shared by every environment.

The environment is read here, once; ``dev``, ``test`` and ``production`` only adjust.
"""

import base64
import hashlib
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONCE

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "website"


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Read once; production.py refuses to start without it.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Addresses of reverse proxies whose X-Forwarded-For is believed (e.g. "127.0.0.1").
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
# `make run` serves on PORT; without an explicit SITE_URL, links in PDFs, QR codes and emails follow it.
PORT = os.environ.get("PORT", "8000")
HOST = os.environ.get("HOST", "127.0.0.1")
SITE_URL = (os.environ.get("SITE_URL") or f"http://127.0.0.1:{PORT}").rstrip("/")
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))

INSTALLED_APPS = [
    "website",
    "accounts",
    "courses",
    "tracking",
    "h5p",
    "certificates",
    "cases",
    "scenarios",
    "plans",
    "workshops",
    "privacy",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.WagtailUsersConfig",  # wagtail.users with the audited user listing
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_celery_beat",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "website.middleware.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "website.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After authentication and messages: a person who must agree to a new privacy notice is sent there.
    "privacy.middleware.NoticeConsentMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "website.middleware.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into accounts.throttling.locked_out.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"
ASGI_APPLICATION = "website.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "website.context_processors.site_shell",
            ],
        },
    },
]

# SQLite is the embedded default so a fresh machine needs no database server.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Web server, worker and beat share the file: wait for locks instead of failing.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
# ModelBackend with the per-request user lookup compiled once (accounts/backends.py).
# django-axes' backend comes first: it refuses a locked-out login before the password is checked.
AUTHENTICATION_BACKENDS = ["accounts.backends.LockoutBackend", "accounts.backends.AccountBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "/"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: the interface through gettext, page content through wagtail-localize.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("de", "Deutsch"),
    ("nl", "Nederlands"),
    ("ar", "العربية"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Brussels")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# h5p-standalone is installed from npm and served as static files; it is never committed.
NODE_MODULES_DIR = BASE_DIR / "node_modules"
if (NODE_MODULES_DIR / "h5p-standalone" / "dist").is_dir():
    STATICFILES_DIRS.append(("h5p-standalone", NODE_MODULES_DIR / "h5p-standalone" / "dist"))
# Files browsers ask for at the site root (/favicon.ico) are served by WhiteNoise from here.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Private files (certificate PDFs, exports, H5P packages) live outside MEDIA_ROOT, so nothing serves
# them by URL; website.private_files hands them out after a permission check.
PRIVATE_FILES_ROOT = Path(os.environ.get("PRIVATE_FILES_ROOT", VAR_DIR / "private"))
PRIVATE_FILES_BACKEND = os.environ.get("PRIVATE_FILES_BACKEND", "django.core.files.storage.FileSystemStorage")
# "" (Django streams the file), "nginx" (X-Accel-Redirect) or "sendfile" (X-Sendfile).
PRIVATE_FILES_SERVER = os.environ.get("PRIVATE_FILES_SERVER", "")
PRIVATE_FILES_INTERNAL_URL = os.environ.get("PRIVATE_FILES_INTERNAL_URL", "/private-files/")
# Lifetime of a signed URL when the private storage is an object store (django-storages).
PRIVATE_FILES_URL_SECONDS = int(os.environ.get("PRIVATE_FILES_URL_SECONDS", "300"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": (
        {"BACKEND": PRIVATE_FILES_BACKEND, "OPTIONS": {"location": PRIVATE_FILES_ROOT, "base_url": None}}
        if PRIVATE_FILES_BACKEND == "django.core.files.storage.FileSystemStorage"
        else {"BACKEND": PRIVATE_FILES_BACKEND}
    ),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: console in development; SMTP settings come from the environment in production.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "COME IN Academy <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

CACHES = {
    "default": (
        {"BACKEND": "website.cache.RedisCache", "LOCATION": os.environ["CACHE_URL"]}
        if os.environ.get("CACHE_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# With a shared cache, sessions are read from it (and written through to the database); a cache
# inside each process would keep a logged-out session alive in the other workers.
if os.environ.get("CACHE_URL"):
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Celery: Redis in production and CI; with no broker configured, a filesystem broker so a fresh
# machine needs no server.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "") or "filesystem://"
CELERY_FILESYSTEM_DIR = VAR_DIR / "celery"
if CELERY_BROKER_URL.startswith("filesystem://"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_FILESYSTEM_DIR / "queue"),
        "data_folder_out": str(CELERY_FILESYSTEM_DIR / "queue"),
        "processed_folder": str(CELERY_FILESYSTEM_DIR / "processed"),
        "store_processed": False,
        # Broadcast/control messages (worker pings, remote control) go here too, not into the CWD.
        "control_folder": str(CELERY_FILESYSTEM_DIR / "control"),
    }
    CELERY_RESULT_BACKEND = (
        os.environ.get("CELERY_RESULT_BACKEND") or f"file://{CELERY_FILESYSTEM_DIR / 'results'}"
    )
else:
    CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or CELERY_BROKER_URL
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXPIRES = 3600
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {}

# Wagtail
WAGTAIL_SITE_NAME = "COME IN Academy"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# A page protected with a shared password asks for it in the site's own layout and languages.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "website/password_required.html"
# No third-party requests from the admin (avatars would leak editors' email hashes).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# "Translate this page" in wagtail-localize creates the translation as a draft: it holds the source
# language's text until a translator has worked on it and publishes it (by default it would go live at
# once, mirroring the source page's live status; see wagtail_localize.operations.TranslationCreator).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# The site shell (menus, footer, language links) is cached this long; publishing drops it at once.
SHELL_CACHE_SECONDS = int(os.environ.get("SHELL_CACHE_SECONDS", "300"))
# Whether a user may open the editor area (decides whether pages show Wagtail's user bar).
EDITOR_CHECK_CACHE_SECONDS = int(os.environ.get("EDITOR_CHECK_CACHE_SECONDS", "300"))
# Which page a URL leads to (website.routing); any change to the page tree drops every entry.
PAGE_ROUTE_CACHE_SECONDS = int(os.environ.get("PAGE_ROUTE_CACHE_SECONDS", "300"))

# Content-Security-Policy (django-csp, website.middleware.ContentSecurityPolicyMiddleware).
# Public pages run scripts only from the platform or with the request's nonce
# (``<script nonce="{{ request.csp_nonce }}">``): no 'unsafe-inline', no 'unsafe-eval'. The H5P player
# needs neither: h5p-standalone's bundles contain no eval or new Function, its frame is an
# about:blank iframe that inherits this policy, it loads the libraries' scripts as <script src>
# under /h5p/content/ ('self'), and its one inline bootstrap script is allowed by hash (below).
# Should a content type ever need eval, allow it on lesson pages alone with django-csp's
# @csp_update, not here. Styles keep 'unsafe-inline': the
# player and Wagtail's user bar set style attributes, and styles cannot run code.
# H5P's core writes the player frame's document with exactly one inline script (in h5p-standalone's
# frame.bundle.js, H5P.getHeadTags); it is allowed by its hash, nothing else inline runs.
# tests/test_security_headers.py checks that the installed player still contains this text.
H5P_FRAME_BOOTSTRAP_SCRIPT = (
    "H5PIntegration = window.parent.H5PIntegration; var H5P = H5P || {}; H5P.externalEmbed = false;"
)
H5P_FRAME_BOOTSTRAP_HASH = (
    "'sha256-" + base64.b64encode(hashlib.sha256(H5P_FRAME_BOOTSTRAP_SCRIPT.encode()).digest()).decode() + "'"
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE, H5P_FRAME_BOOTSTRAP_HASH],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "media-src": ["'self'", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
# The Wagtail admin (and Django's) writes inline scripts and styles in its panels and widgets, so it
# gets 'unsafe-inline' but nothing from other origins; 'unsafe-eval' is not needed (Draftail and
# telepath do not evaluate strings). Live preview frames the site itself ('self').
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "media-src": ["'self'", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}

# Sign-up confirmation links stay valid this long (and work once: accounts/tokens.py).
ACCOUNT_CONFIRMATION_MAX_AGE = int(os.environ.get("ACCOUNT_CONFIRMATION_MAX_AGE", str(24 * 3600)))

# Lock-out after failed logins (django-axes): per email address and client address together, so
# nobody can lock another person out from elsewhere; the client address is the one
# TrustedProxyMiddleware found behind TRUSTED_PROXIES.
AXES_FAILURE_LIMIT = int(os.environ.get("ACCOUNTS_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("ACCOUNTS_LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.client_address"
# The site's and Wagtail's login forms both name the email field "username".
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "accounts.throttling.login_name"
AXES_LOCKOUT_CALLABLE = "accounts.throttling.locked_out"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
# Two-step login (django-otp) for everyone who may open /admin/ or /django-admin/. Only the test
# settings switch it off, for tests of admin screens; the two-step tests switch it on again.
TWO_FACTOR_REQUIRED_FOR_ADMIN = env_bool("TWO_FACTOR_REQUIRED_FOR_ADMIN", True)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "COME IN Academy")
# Password-reset and confirmation emails: at most this many per address, and per client address,
# in each window (seconds). Beyond it the page answers the same and sends nothing.
ACCOUNTS_EMAIL_RATE_LIMIT_PER_ADDRESS = int(os.environ.get("ACCOUNTS_EMAIL_RATE_LIMIT_PER_ADDRESS", "3"))
ACCOUNTS_EMAIL_RATE_LIMIT_PER_CLIENT = int(os.environ.get("ACCOUNTS_EMAIL_RATE_LIMIT_PER_CLIENT", "10"))
ACCOUNTS_EMAIL_RATE_WINDOW = int(os.environ.get("ACCOUNTS_EMAIL_RATE_WINDOW", "3600"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Wagtail logs every page action and background task at INFO; keep the console readable.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "modelsearch": {"level": "WARNING"},
    },
}

# Modules whose load() adds demo content, in order; `manage.py load_demo` runs them.
DEMO_CONTENT_LOADERS = ["website.demo"]

# --- per-app settings: each app appends its own block below, reading the environment here ---

# --- h5p ---
# Upload limits for .h5p packages; a rejected upload stores nothing.
H5P_MAX_UPLOAD_SIZE = int(os.environ.get("H5P_MAX_UPLOAD_SIZE", str(200 * 1024 * 1024)))
H5P_MAX_UNCOMPRESSED_SIZE = int(os.environ.get("H5P_MAX_UNCOMPRESSED_SIZE", str(1024 * 1024 * 1024)))
# Zip-bomb guard: uncompressed/compressed size of the archive and of each file above 1 MB.
H5P_MAX_COMPRESSION_RATIO = int(os.environ.get("H5P_MAX_COMPRESSION_RATIO", "100"))
H5P_MAX_FILES = int(os.environ.get("H5P_MAX_FILES", "10000"))
# Which attempt's score counts when a learner plays an activity again: "best" or "last".
H5P_SCORE_POLICY = os.environ.get("H5P_SCORE_POLICY", "best")
H5P_USER_DATA_MAX_BYTES = int(os.environ.get("H5P_USER_DATA_MAX_BYTES", str(64 * 1024)))
# Seconds between the player's automatic saves of the learner's state.
H5P_SAVE_FREQUENCY = int(os.environ.get("H5P_SAVE_FREQUENCY", "10"))
H5P_STORAGE_PREFIX = os.environ.get("H5P_STORAGE_PREFIX", "h5p")

# --- certificates ---
# Open Badges signing key (Ed25519): PEM text or a base64url 32-byte seed in the environment, or a PEM
# file generated at the path on first use. Back the key up: credentials signed with it need it.
CERTIFICATES_SIGNING_KEY = os.environ.get("CERTIFICATES_SIGNING_KEY", "")
CERTIFICATES_SIGNING_KEY_PATH = Path(
    os.environ.get("CERTIFICATES_SIGNING_KEY_PATH", VAR_DIR / "keys" / "certificates-ed25519.pem")
)
# Public JWKs of retired signing keys (a JSON list) stay published so older credentials still verify.
CERTIFICATES_PREVIOUS_PUBLIC_KEYS = os.environ.get("CERTIFICATES_PREVIOUS_PUBLIC_KEYS", "[]")
CERTIFICATES_REMINDER_DAYS = [60, 14]
# Public verification: at most this many look-ups per client address per window (seconds).
CERTIFICATES_VERIFY_RATE_LIMIT = int(os.environ.get("CERTIFICATES_VERIFY_RATE_LIMIT", "30"))
CERTIFICATES_VERIFY_RATE_WINDOW = int(os.environ.get("CERTIFICATES_VERIFY_RATE_WINDOW", "60"))
CELERY_BEAT_SCHEDULE["certificates-expiry-reminders-60"] = {
    "task": "certificates.tasks.send_expiry_reminders",
    "schedule": 24 * 3600,
    "kwargs": {"days": 60},
}
CELERY_BEAT_SCHEDULE["certificates-expiry-reminders-14"] = {
    "task": "certificates.tasks.send_expiry_reminders",
    "schedule": 24 * 3600,
    "kwargs": {"days": 14},
}
CELERY_BEAT_SCHEDULE["certificates-mark-expired"] = {
    "task": "certificates.tasks.mark_expired_certificates",
    "schedule": 24 * 3600,
}

# --- tracking ---
# xAPI actors are pseudonymous accounts unless this is set (then mbox = the user's email).
XAPI_ACTOR_USES_EMAIL = env_bool("XAPI_ACTOR_USES_EMAIL", False)
# Largest request body the LRS reads (statements with attachments, documents); larger gets 413.
XAPI_MAX_BODY_BYTES = int(os.environ.get("XAPI_MAX_BODY_BYTES", str(20 * 1024 * 1024)))
# Statements per page when the client asks for limit=0 or no limit, and the most it may ask for.
XAPI_STATEMENT_PAGE_SIZE = int(os.environ.get("XAPI_STATEMENT_PAGE_SIZE", "100"))
XAPI_STATEMENT_MAX_PAGE_SIZE = int(os.environ.get("XAPI_STATEMENT_MAX_PAGE_SIZE", "500"))
# Forwarding to external LRSs: statements per request, seconds per request, attempts before the
# dead-letter list, first retry delay (doubles each time) and how often beat drains the outbox.
XAPI_FORWARD_BATCH_SIZE = min(100, int(os.environ.get("XAPI_FORWARD_BATCH_SIZE", "100")))
XAPI_FORWARD_TIMEOUT = float(os.environ.get("XAPI_FORWARD_TIMEOUT", "10"))
XAPI_FORWARD_MAX_ATTEMPTS = int(os.environ.get("XAPI_FORWARD_MAX_ATTEMPTS", "8"))
XAPI_FORWARD_BACKOFF_SECONDS = float(os.environ.get("XAPI_FORWARD_BACKOFF_SECONDS", "30"))
XAPI_FORWARD_INTERVAL_SECONDS = float(os.environ.get("XAPI_FORWARD_INTERVAL_SECONDS", "30"))
# A batch claimed by a worker that died is offered again after this many seconds; empty means three
# request timeouts, and it is never less than two (a worker renews its claim before every request).
XAPI_FORWARD_CLAIM_LEASE_SECONDS = float(os.environ.get("XAPI_FORWARD_CLAIM_LEASE_SECONDS") or 0) or None
# The client that talks to external LRSs; tests use tracking.forwarding.RecordingClient.
XAPI_FORWARD_CLIENT = os.environ.get("XAPI_FORWARD_CLIENT", "tracking.forwarding.HTTPClient")
CELERY_BEAT_SCHEDULE["tracking-forward-outbox"] = {
    "task": "tracking.tasks.forward_outbox",
    "schedule": XAPI_FORWARD_INTERVAL_SECONDS,
}

# --- courses ---
# A lesson opened again within this many minutes records no second `launched` statement.
COURSES_RELAUNCH_MINUTES = int(os.environ.get("COURSES_RELAUNCH_MINUTES", "30"))
# Opening a lesson commits without waiting for the disk on PostgreSQL (courses.services).
COURSES_ASYNC_COMMIT_FOR_OPENINGS = env_bool("COURSES_ASYNC_COMMIT_FOR_OPENINGS", True)
# The module/lesson list of a course is cached this long; publishing a page below the course drops
# it at once from a shared cache (CACHE_URL), per-process caches catch up within this time.
COURSES_OUTLINE_CACHE_SECONDS = int(os.environ.get("COURSES_OUTLINE_CACHE_SECONDS", "300"))
COURSES_BODY_CACHE_SECONDS = int(os.environ.get("COURSES_BODY_CACHE_SECONDS", "3600"))
# Lesson videos and their WebVTT captions are uploaded as documents.
WAGTAILDOCS_EXTENSIONS = WAGTAILDOCS_EXTENSIONS + ["mp4", "webm", "vtt"]
DEMO_CONTENT_LOADERS = DEMO_CONTENT_LOADERS + ["courses.demo"]

# --- cases ---
DEMO_CONTENT_LOADERS = DEMO_CONTENT_LOADERS + ["cases.demo"]
# How long one case-library state (search words, facets, order) keeps its results and counts at most;
# a publish anywhere starts afresh at once.
CASES_SEARCH_CACHE_SECONDS = int(os.environ.get("CASES_SEARCH_CACHE_SECONDS", "600"))
# The digest of newly published cases goes out on Monday mornings.
CELERY_BEAT_SCHEDULE["cases-weekly-digest"] = {
    "task": "cases.tasks.send_weekly_digest",
    "schedule": crontab(day_of_week="mon", hour=7, minute=0),
}
# --- scenarios ---
# A live session's join code stops working this many hours after the trainer started it.
SCENARIOS_SESSION_HOURS = int(os.environ.get("SCENARIOS_SESSION_HOURS", "12"))
# Phones and the projector ask for the session state this often (milliseconds).
SCENARIOS_POLL_INTERVAL_MS = int(os.environ.get("SCENARIOS_POLL_INTERVAL_MS", "1000"))
DEMO_CONTENT_LOADERS = DEMO_CONTENT_LOADERS + ["scenarios.demo"]
# How long the cache may answer "unchanged" for a live session without asking the database: with a
# shared cache (CACHE_URL) changes reach it at once; a per-process cache must expire quickly.
SCENARIOS_VERSION_CACHE_SECONDS = int(
    os.environ.get("SCENARIOS_VERSION_CACHE_SECONDS", "3600" if os.environ.get("CACHE_URL") else "1")
)
# --- plans ---
# Owners hear about a task this many days before it is due (and once more when it is overdue).
PLANS_DUE_SOON_DAYS = int(os.environ.get("PLANS_DUE_SOON_DAYS", "2"))
# The plan's HR owner hears this many days before the new hire's permit expires.
PLANS_PERMIT_ALERT_DAYS = [90, 30, 7]
CELERY_BEAT_SCHEDULE["plans-daily-reminders"] = {
    "task": "plans.tasks.send_daily_reminders",
    "schedule": 24 * 3600,
}
DEMO_CONTENT_LOADERS = [*DEMO_CONTENT_LOADERS, "plans.demo"]
# --- workshops ---
# The trainer's progress grid fetches itself again this often (seconds).
WORKSHOPS_GRID_REFRESH_SECONDS = int(os.environ.get("WORKSHOPS_GRID_REFRESH_SECONDS", "10"))
DEMO_CONTENT_LOADERS = DEMO_CONTENT_LOADERS + ["workshops.demo"]
# --- privacy ---
# Accounts with no login for this many months are deleted (after two e-mail warnings); 0 switches
# retention off. Administrators' accounts are never deleted this way.
ACCOUNT_RETENTION_MONTHS = int(os.environ.get("ACCOUNT_RETENTION_MONTHS") or 0)
# Days before the deletion date on which the two warnings go out.
PRIVACY_RETENTION_WARNING_DAYS = [int(days) for days in env_list("PRIVACY_RETENTION_WARNING_DAYS", "30,7")]
# Erasing an account: "anonymise" keeps its certificates valid without a name (the verification page
# then shows none); "revoke" revokes them.
PRIVACY_CERTIFICATES_ON_ERASURE = os.environ.get("PRIVACY_CERTIFICATES_ON_ERASURE", "anonymise")
# A "download my data" file can be downloaded once, within this many hours.
PRIVACY_EXPORT_VALID_HOURS = int(os.environ.get("PRIVACY_EXPORT_VALID_HOURS", "48"))
CELERY_BEAT_SCHEDULE["privacy-retention"] = {"task": "privacy.tasks.apply_retention", "schedule": 24 * 3600}
CELERY_BEAT_SCHEDULE["privacy-remove-old-exports"] = {
    "task": "privacy.tasks.remove_old_exports",
    "schedule": 3600,
}
DEMO_CONTENT_LOADERS = DEMO_CONTENT_LOADERS + ["privacy.demo"]
