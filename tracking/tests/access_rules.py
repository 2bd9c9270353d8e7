"""Permission-matrix entries for the LRS under /xapi/ and its admin screens. The LRS answers HTTP
Basic keys of an organisation, never a browser session: every role gets 401 without a key (keys of
one organisation reading another's statements are covered in test_api_auth.py)."""

from website.tests.access import ADMIN_LOGIN, NO_ADMIN, OK, UNAUTHORISED, Rule, everyone, get, roles

XAPI = {"HTTP_X_EXPERIENCE_API_VERSION": "1.0.3"}
ADMIN_SUPERUSER = roles(NO_ADMIN, anonymous=ADMIN_LOGIN, superuser=OK)

RULES = [
    Rule("tracking:statements", get("/xapi/statements"), everyone(UNAUTHORISED), extra=XAPI),
    Rule("tracking:state", get("/xapi/activities/state"), everyone(UNAUTHORISED), extra=XAPI),
    Rule("tracking:activity_profile", get("/xapi/activities/profile"), everyone(UNAUTHORISED), extra=XAPI),
    Rule("tracking:activities", get("/xapi/activities"), everyone(UNAUTHORISED), extra=XAPI),
    Rule("tracking:agent_profile", get("/xapi/agents/profile"), everyone(UNAUTHORISED), extra=XAPI),
    Rule("tracking:agents", get("/xapi/agents"), everyone(UNAUTHORISED), extra=XAPI),
    Rule("tracking:about", get("/xapi/about"), everyone(OK), note="Open to every client by the xAPI spec."),
    Rule("lrs_keys:*", get("/admin/lrs_keys/"), ADMIN_SUPERUSER, note="Keys are platform-wide credentials."),
    Rule("tracking_outbox:*", get("/admin/xapi-outbox/"), ADMIN_SUPERUSER),
]
