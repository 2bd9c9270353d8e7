from .base import *  # noqa: F401,F403
from .base import DEBUG as _DEBUG_FROM_ENV  # noqa: F401
from .base import SECRET_KEY as _SECRET_KEY
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
# A development-only key: production.py has no default and refuses to start without one.
SECRET_KEY = _SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
