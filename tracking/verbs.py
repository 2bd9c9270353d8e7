"""The verbs and activity types the platform emits (the statement profile in docs/xapi.md)."""

ADL = "http://adlnet.gov/expapi/verbs/"
ADL_ACTIVITIES = "http://adlnet.gov/expapi/activities/"

VERBS = {
    "launched": (ADL + "launched", "launched"),
    "initialized": (ADL + "initialized", "initialized"),
    "progressed": (ADL + "progressed", "progressed"),
    "answered": (ADL + "answered", "answered"),
    "attempted": (ADL + "attempted", "attempted"),
    "passed": (ADL + "passed", "passed"),
    "failed": (ADL + "failed", "failed"),
    "completed": (ADL + "completed", "completed"),
    "experienced": (ADL + "experienced", "experienced"),
    "interacted": (ADL + "interacted", "interacted"),
    "registered": (ADL + "registered", "registered"),
    "terminated": (ADL + "terminated", "terminated"),
    "scored": (ADL + "scored", "scored"),
    "voided": (ADL + "voided", "voided"),
    "consumed": ("http://activitystrea.ms/schema/1.0/consume", "consumed"),
    "earned": ("http://id.tincanapi.com/verb/earned", "earned"),
    "viewed": ("http://id.tincanapi.com/verb/viewed", "viewed"),
    "resumed": ("http://adlnet.gov/expapi/verbs/resumed", "resumed"),
    "suspended": ("http://adlnet.gov/expapi/verbs/suspended", "suspended"),
    "revoked": ("https://w3id.org/xapi/comein/verbs/revoked", "revoked"),
}

VOIDED = VERBS["voided"][0]

ACTIVITY_TYPES = {
    "course": ADL_ACTIVITIES + "course",
    "module": ADL_ACTIVITIES + "module",
    "lesson": ADL_ACTIVITIES + "lesson",
    "assessment": ADL_ACTIVITIES + "assessment",
    "quiz": ADL_ACTIVITIES + "assessment",
    "interaction": ADL_ACTIVITIES + "cmi.interaction",
    "h5p": "http://h5p.org/x-api/h5p-local-content-id",
    "certificate": "https://w3id.org/xapi/comein/activity-types/certificate",
    "scenario": ADL_ACTIVITIES + "simulation",
    "media": ADL_ACTIVITIES + "media",
}

PLATFORM_CATEGORY = "https://w3id.org/xapi/comein/profile"


def verb_iri(verb):
    if verb in VERBS:
        return VERBS[verb][0]
    if ":" in verb:
        return verb
    raise ValueError(f"Unknown verb {verb!r}: use a name from tracking.verbs.VERBS or a full IRI.")


def verb_display(verb):
    for iri, display in VERBS.values():
        if verb in (iri,):
            return display
    if verb in VERBS:
        return VERBS[verb][1]
    return None


def activity_type_iri(kind):
    if kind is None:
        return None
    if kind in ACTIVITY_TYPES:
        return ACTIVITY_TYPES[kind]
    if ":" in kind:
        return kind
    raise ValueError(f"Unknown activity type {kind!r}.")
