"""Every extension, created once and unbound; ``create_app`` attaches them with ``init_app``."""

from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

from service.db import Database

db = Database()
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
#: Rate limits (login); storage from RATELIMIT_STORAGE_URI, memory:// by default.
limiter = Limiter(key_func=get_remote_address)
