"""Settings for the claim tracker, all driven by environment variables (see .env.example)."""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        # A production process must never sign sessions with a key that is in the repository.
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is false.")
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# Production hardening, checked by `manage.py check --deploy`. Each default is strict when DEBUG is false
# and off locally, so `make run` keeps working over plain http; every one can be overridden from the env.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS") or (0 if DEBUG else 31536000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
# Only a proxy that terminates TLS and overwrites X-Forwarded-Proto may be trusted with it: anywhere else a
# client could forge the header and pass plain http off as https.
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "tracker",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.middleware.ContentSecurityPolicyMiddleware",
    "config.middleware.RefuseNulParametersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it answers a locked-out login with a 429.
    "axes.middleware.AxesMiddleware",
]

# Scripts only from this site, so injected markup cannot run any: the admin, the browsable API and Swagger UI (its
# start-up script served as a file, SpectacularSwaggerSplitView) all load theirs from /static/. Inline styles stay
# allowed: the admin's highlighted article and Swagger UI use them, and they cannot run code.
CONTENT_SECURITY_POLICY = os.environ.get("DJANGO_CONTENT_SECURITY_POLICY") or (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Read replicas: DATABASE_REPLICA_URLS (comma-separated) adds aliases replica_0, replica_1 … that
# config.routers.PrimaryReplicaRouter sends reads to; writes and migrations stay on default. In tests each
# replica mirrors default (no test database of its own), as replication would.
for _index, _url in enumerate(env_list("DATABASE_REPLICA_URLS")):
    DATABASES[f"replica_{_index}"] = {
        **dj_database_url.parse(
            _url,
            conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
            conn_health_checks=True,
        ),
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["config.routers.PrimaryReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First: refuses a sign-in while its user or address is locked out, before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Sign-in lockout (django-axes): after DJANGO_LOGIN_FAILURE_LIMIT failed sign-ins for one username, or from one
# client address, further attempts for it are refused with a 429 for DJANGO_LOGIN_COOLOFF_MINUTES; each failure
# while locked out starts the wait again, and a success clears the count. Unlock early: manage.py axes_reset.
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT") or 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES") or 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "config.clients.client_address"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Production serves hashed, compressed files through whitenoise with far-future cache headers. They exist
    # only after `collectstatic`, so local development and the tests keep Django's plain storage.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# The largest request body accepted, in bytes (1 MB; Django's default is 2.5 MB). The API answers a larger one
# with a 413 naming the limit; the biggest legitimate body, an article posted with its text, is far smaller.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DJANGO_DATA_UPLOAD_MAX_MEMORY_SIZE") or 1024 * 1024)

FIXTURE_DIRS = [BASE_DIR / "fixtures"]
SEEDS_DIR = Path(os.environ.get("TRACKER_SEEDS_DIR", BASE_DIR / "seeds"))

# Limits on one article, for the loader and the API alike (tracker.models.validate_article_size and
# validate_statement_count). The longest real features run to about 120,000 characters; past the limits an article
# is refused with a message naming the limit, because every read of it (detail, admin page, extraction) grows with it.
TRACKER_MAX_ARTICLE_CHARS = int(os.environ.get("TRACKER_MAX_ARTICLE_CHARS") or 200_000)
TRACKER_MAX_ARTICLE_PARAGRAPHS = int(os.environ.get("TRACKER_MAX_ARTICLE_PARAGRAPHS") or 1_000)
TRACKER_MAX_ARTICLE_STATEMENTS = int(os.environ.get("TRACKER_MAX_ARTICLE_STATEMENTS") or 1_000)

# Without REDIS_URL, API throttle counters live in this cache. The default memory cache is per process, so each
# worker counts on its own: with several workers, set REDIS_URL.
CACHES = {
    "default": {
        "BACKEND": os.environ.get("DJANGO_CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": os.environ.get("DJANGO_CACHE_LOCATION", "tracker"),
    }
}
# REDIS_URL (redis://127.0.0.1:6379/0) puts the cache and the throttle counters (an atomic sliding window,
# tracker.api.throttling) in Redis shared by all workers; sessions then read through it too (cached_db still
# writes them to the database, so a Redis restart logs nobody out).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "tracker",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# How many proxies in front of the app append to X-Forwarded-For (DJANGO_NUM_PROXIES; 0: none, the header is
# ignored). Throttles and login lockouts tell clients apart by the address this gives (config.clients).
NUM_PROXIES = int(os.environ.get("DJANGO_NUM_PROXIES") or 0)

REST_FRAMEWORK = {
    # Token first: a write without credentials then answers 401 with a WWW-Authenticate challenge.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly"],
    # Ordering is a declared filter in each FilterSet, so an unknown ordering field is a 400 too.
    "DEFAULT_FILTER_BACKENDS": ["tracker.api.filters.FilterBackend"],
    "DEFAULT_RENDERER_CLASSES": [
        "tracker.api.renderers.ORJSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    # Bodies are JSON only, nested at most 32 levels. Form encodings read an empty field as a missing one (a blank
    # slug became a generated one) and a repeated key as a list, unlike the JSON the schema describes; the browsable
    # API posts JSON too.
    "DEFAULT_PARSER_CLASSES": ["tracker.api.parsers.JSONParser"],
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "DEFAULT_SCHEMA_CLASS": "tracker.api.schema.TrackerAutoSchema",
    "DEFAULT_PAGINATION_CLASS": "tracker.api.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_CLASSES": [
        "tracker.api.throttling.AnonRateThrottle",
        "tracker.api.throttling.UserRateThrottle",
    ],
    "NUM_PROXIES": NUM_PROXIES,
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_THROTTLE_ANON", "120/min"),
        "user": os.environ.get("API_THROTTLE_USER", "1200/min"),
        # CSV exports of the statement list, on top of the above (tracker.api.throttling.ExportRateThrottle).
        "export": os.environ.get("API_THROTTLE_EXPORT", "30/hour"),
    },
}
# The most rows an anonymous CSV export may have: past it the export is refused (400) before any row is sent, and
# the filters must narrow it, or the user sign in.
API_CSV_ANON_MAX_ROWS = int(os.environ.get("API_CSV_ANON_MAX_ROWS") or 5_000)

SPECTACULAR_SETTINGS = {
    "TITLE": "Claim tracker API",
    "DESCRIPTION": "What public figures said, who they are, which article reported it and where they "
    "originally said it.\n\n"
    "Anyone may read; writing needs a user with the model permission, signed in or sending "
    "`Authorization: Token <key>`. Rejected statements are visible to curators only.\n\n"
    "Lists are paginated with `page_size` from 1 to 200 (default 50; outside that range a 400): "
    "statements by cursor (follow `next`/`previous`, no total count), the other lists by `page` "
    "with a `count`. Every filter value is validated: a bad one is a 400 naming the parameter.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI's scripts ship with the app (sidecar package) instead of coming from a CDN at page load.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Request bodies take related ids while responses embed brief objects: two components per serializer.
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "SpeakerKindEnum": "tracker.choices.SpeakerKind",
        "SourceKindEnum": "tracker.choices.SourceKind",
        "StatementKindEnum": "tracker.choices.StatementKind",
        "ReviewStatusEnum": "tracker.choices.ReviewStatus",
        "RatingEnum": "tracker.choices.Rating",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
