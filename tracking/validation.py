"""Statement validation against the xAPI 2.0.0 data model (also accepting 1.0.x statements).

Each failure raises ``StatementError`` with a message naming the property and the rule it breaks,
so a client can tell from the 400 response what to fix.
"""

import json
import math
import re
from datetime import UTC, datetime

from django.utils.translation import gettext as _

UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
IRI_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s\x00-\x1f\x7f]+$")
LANGUAGE_TAG_RE = re.compile(r"^(?:[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*|[xXiI](?:-[A-Za-z0-9]{1,8})+)$")
TIMESTAMP_RE = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|z|[+-]\d{2}(?::?\d{2})?)?$"
)
# ISO 8601 durations: PnW alone, or the Y/M/D and T H/M/S form (weeks never combine with the rest).
DURATION_RE = re.compile(
    r"^P(?:\d+(?:\.\d+)?W|(?=\d|T\d)(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?D)?"
    r"(?:T(?=\d)(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?)$"
)
SHA1_RE = re.compile(r"^[0-9a-fA-F]{40}$")
SHA2_RE = re.compile(r"^[0-9a-fA-F]{56}$|^[0-9a-fA-F]{64}$|^[0-9a-fA-F]{96}$|^[0-9a-fA-F]{128}$")
VERSION_RE = re.compile(r"^(?:1\.0|2\.0)(?:\.\d{1,4})?$")
MEDIA_TYPE_RE = re.compile(r"^[\w.+\-]+/[\w.+\-]+(?:\s*;.*)?$")

STATEMENT_KEYS = {
    "id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version",
    "attachments", "objectType",
}  # fmt: skip
SUBSTATEMENT_KEYS = {"objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments"}
AGENT_KEYS = {"objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"}
GROUP_KEYS = AGENT_KEYS | {"member"}
IFI_KEYS = ("mbox", "mbox_sha1sum", "openid", "account")
ACTIVITY_KEYS = {"objectType", "id", "definition"}
DEFINITION_KEYS = {
    "name", "description", "type", "moreInfo", "extensions", "interactionType", "correctResponsesPattern",
    "choices", "scale", "source", "target", "steps",
}  # fmt: skip
INTERACTION_TYPES = {
    "true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing", "likert",
    "numeric", "other",
}  # fmt: skip
INTERACTION_COMPONENTS = {
    "choice": {"choices"},
    "sequencing": {"choices"},
    "likert": {"scale"},
    "matching": {"source", "target"},
    "performance": {"steps"},
}
RESULT_KEYS = {"score", "success", "completion", "response", "duration", "extensions"}
SCORE_KEYS = {"scaled", "raw", "min", "max"}
CONTEXT_KEYS = {
    "registration", "instructor", "team", "contextActivities", "revision", "platform", "language",
    "statement", "extensions", "contextAgents", "contextGroups",
}  # fmt: skip
CONTEXT_ACTIVITY_KEYS = {"parent", "grouping", "category", "other"}
ATTACHMENT_KEYS = {"usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"}
SIGNATURE_USAGE = "http://adlnet.gov/expapi/attachments/signature"


class StatementError(ValueError):
    """The statement breaks a rule of the xAPI data model; the message says which."""


SURROGATE_ESCAPE_RE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


class JSONError(ValueError):
    """A body is not JSON the platform can store and serve back (RFC 8259, xAPI Data 2.2)."""


class NonFiniteNumber(JSONError):
    """NaN, Infinity or a number too large for a double: JSON has no way to write them back."""


def _reject_constant(name):
    raise NonFiniteNumber(_("%(value)s is not a JSON number") % {"value": name})


def _finite_float(text):
    number = float(text)
    if not math.isfinite(number):
        raise NonFiniteNumber(_("%(value)s is too large to be stored as a number") % {"value": text[:40]})
    return number


def load_json(text):
    """``json.loads`` that refuses what JSON cannot carry back: NaN, Infinity, numbers beyond a double
    (``1e999``), and nesting too deep to process. Raises JSONError (or NonFiniteNumber) with a
    message for the client; never RecursionError."""
    try:
        value = json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float)
    except JSONError:
        raise
    except RecursionError as error:
        raise JSONError(_("the JSON is nested too deeply")) from error
    except ValueError as error:
        raise JSONError(str(error)) from error
    if isinstance(text, str) and SURROGATE_ESCAPE_RE.search(text):
        # Escaped surrogate pairs decode to one character; a lone one cannot be written as UTF-8
        # (the database refuses it), so look closer only when the text has such an escape at all.
        try:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError as error:
            raise JSONError(_("the JSON contains a lone UTF-16 surrogate (\\ud800 to \\udfff)")) from error
    return value


def fail(path, message):
    raise StatementError(f"{path}: {message}")


def check_keys(value, allowed, path):
    if not isinstance(value, dict):
        fail(path, _("must be a JSON object"))
    unknown = sorted(set(value) - allowed)
    if unknown:
        fail(
            path,
            _("unknown property %(names)s (properties are case-sensitive)") % {"names": ", ".join(unknown)},
        )
    for key, item in value.items():
        if item is None:
            fail(f"{path}.{key}", _("must not be null"))


def is_uuid(value):
    return isinstance(value, str) and bool(UUID_RE.match(value))


def check_uuid(value, path):
    if not is_uuid(value):
        fail(path, _("must be a UUID string"))


def check_iri(value, path):
    if not isinstance(value, str) or not IRI_RE.match(value):
        fail(path, _("must be an absolute IRI"))


def check_string(value, path):
    if not isinstance(value, str):
        fail(path, _("must be a string"))


def check_bool(value, path):
    if not isinstance(value, bool):
        fail(path, _("must be true or false"))


def is_number(value):
    return isinstance(value, int | float) and not isinstance(value, bool)


def check_language_map(value, path):
    if not isinstance(value, dict):
        fail(path, _("must be a language map (an object keyed by RFC 5646 language tags)"))
    for tag, text in value.items():
        if not LANGUAGE_TAG_RE.match(tag):
            fail(path, _("%(tag)r is not an RFC 5646 language tag") % {"tag": tag})
        if not isinstance(text, str):
            fail(f"{path}.{tag}", _("must be a string"))


def check_extensions(value, path):
    if not isinstance(value, dict):
        fail(path, _("must be an object keyed by IRIs"))
    for key in value:
        check_iri(key, f"{path} key {key!r}")


def check_timestamp(value, path):
    if not isinstance(value, str) or not TIMESTAMP_RE.match(value):
        fail(path, _("must be an ISO 8601 timestamp"))
    if value.endswith("-00:00") or value.endswith("-0000") or value.endswith("-00"):
        fail(path, _("must not use the offset -00:00"))
    parse_timestamp(value, path)


def parse_timestamp(value, path="timestamp"):
    # RFC 3339 allows a space or a lower-case t between date and time.
    text = value.replace("z", "Z")
    text = text[:10] + "T" + text[11:] if len(text) > 10 else text
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    match = re.match(r"^(.*T[\d:]+)(\.\d+)?([+-]\d{2}(?::?\d{2})?)?$", text)
    if not match:
        fail(path, _("must be an ISO 8601 timestamp"))
    base, fraction, offset = match.groups()
    fraction = (fraction or "")[:7]
    if offset and len(offset) == 3:
        offset += ":00"
    elif offset and ":" not in offset:
        offset = offset[:3] + ":" + offset[3:]
    try:
        moment = datetime.fromisoformat(base + fraction + (offset or "+00:00"))
        # The database keeps UTC: a moment whose UTC time falls outside years 1-9999 cannot be stored
        # or compared (9999-12-31T23:59:59-12:00, 0001-01-01T00:00:00+14:00).
        moment.astimezone(UTC)
    except ValueError:
        fail(path, _("is not a valid date and time"))
    except OverflowError:
        fail(path, _("is outside the range of dates that can be stored (years 1 to 9999 in UTC)"))
    return moment


def check_agent(value, path, *, allow_group=True, require_ifi=True):
    if not isinstance(value, dict):
        fail(path, _("must be an Agent or Group object"))
    object_type = value.get("objectType", "Agent")
    if object_type == "Group":
        if not allow_group:
            fail(path, _("must be an Agent, not a Group"))
        check_keys(value, GROUP_KEYS, path)
        ifis = [key for key in IFI_KEYS if key in value]
        if len(ifis) > 1:
            fail(path, _("a Group must not have more than one inverse functional identifier"))
        if ifis:
            check_ifi(value, ifis[0], path)
        elif "member" not in value:
            fail(path, _("an anonymous Group must list its members in 'member'"))
        if "member" in value:
            if not isinstance(value["member"], list):
                fail(f"{path}.member", _("must be an array of Agents"))
            if not ifis and not value["member"]:
                fail(f"{path}.member", _("an anonymous Group must have at least one member"))
            for index, member in enumerate(value["member"]):
                check_agent(member, f"{path}.member[{index}]", allow_group=False)
    elif object_type == "Agent":
        check_keys(value, AGENT_KEYS, path)
        ifis = [key for key in IFI_KEYS if key in value]
        if len(ifis) != 1:
            fail(
                path,
                _(
                    "an Agent must have exactly one inverse functional identifier "
                    "(mbox, mbox_sha1sum, openid or account)"
                ),
            )
        check_ifi(value, ifis[0], path)
    else:
        fail(f"{path}.objectType", _("must be 'Agent' or 'Group'"))
    if "name" in value:
        check_string(value["name"], f"{path}.name")


def check_ifi(value, key, path):
    item = value[key]
    if key == "mbox":
        if not isinstance(item, str) or not re.match(r"^mailto:[^@\s]+@[^@\s]+$", item):
            fail(f"{path}.mbox", _("must be a 'mailto:' IRI with an email address"))
    elif key == "mbox_sha1sum":
        if not isinstance(item, str) or not SHA1_RE.match(item):
            fail(f"{path}.mbox_sha1sum", _("must be a SHA-1 hex digest"))
    elif key == "openid":
        check_iri(item, f"{path}.openid")
    elif key == "account":
        check_keys(item, {"homePage", "name"}, f"{path}.account")
        if "homePage" not in item or "name" not in item:
            fail(f"{path}.account", _("must have both homePage and name"))
        check_iri(item["homePage"], f"{path}.account.homePage")
        check_string(item["name"], f"{path}.account.name")


def check_verb(value, path="verb"):
    check_keys(value, {"id", "display"}, path)
    if "id" not in value:
        fail(path, _("must have an id"))
    check_iri(value["id"], f"{path}.id")
    if "display" in value:
        check_language_map(value["display"], f"{path}.display")


def check_interaction_components(value, path):
    if not isinstance(value, list):
        fail(path, _("must be an array of interaction components"))
    seen = set()
    for index, component in enumerate(value):
        item_path = f"{path}[{index}]"
        check_keys(component, {"id", "description"}, item_path)
        if "id" not in component:
            fail(item_path, _("must have an id"))
        check_string(component["id"], f"{item_path}.id")
        if component["id"] in seen:
            fail(item_path, _("interaction component ids must be unique"))
        seen.add(component["id"])
        if "description" in component:
            check_language_map(component["description"], f"{item_path}.description")


def check_definition(value, path):
    check_keys(value, DEFINITION_KEYS, path)
    for key in ("name", "description"):
        if key in value:
            check_language_map(value[key], f"{path}.{key}")
    if "type" in value:
        check_iri(value["type"], f"{path}.type")
    if "moreInfo" in value:
        check_iri(value["moreInfo"], f"{path}.moreInfo")
    if "extensions" in value:
        check_extensions(value["extensions"], f"{path}.extensions")
    interaction_type = value.get("interactionType")
    components = {"choices", "scale", "source", "target", "steps"} & set(value)
    if interaction_type is None:
        if components or "correctResponsesPattern" in value:
            fail(path, _("interaction properties need an interactionType"))
        return
    if not isinstance(interaction_type, str) or interaction_type not in INTERACTION_TYPES:
        fail(
            f"{path}.interactionType",
            _("must be one of %(types)s") % {"types": ", ".join(sorted(INTERACTION_TYPES))},
        )
    allowed = INTERACTION_COMPONENTS.get(interaction_type, set())
    for key in components:
        if key not in allowed:
            fail(
                f"{path}.{key}", _("is not allowed for interactionType %(type)s") % {"type": interaction_type}
            )
        check_interaction_components(value[key], f"{path}.{key}")
    if "correctResponsesPattern" in value:
        pattern = value["correctResponsesPattern"]
        if not isinstance(pattern, list) or not all(isinstance(item, str) for item in pattern):
            fail(f"{path}.correctResponsesPattern", _("must be an array of strings"))


def check_activity(value, path):
    check_keys(value, ACTIVITY_KEYS, path)
    if value.get("objectType", "Activity") != "Activity":
        fail(f"{path}.objectType", _("must be 'Activity'"))
    if "id" not in value:
        fail(path, _("an Activity must have an id"))
    check_iri(value["id"], f"{path}.id")
    if "definition" in value:
        check_definition(value["definition"], f"{path}.definition")


def check_statement_ref(value, path):
    check_keys(value, {"objectType", "id"}, path)
    if value.get("objectType") != "StatementRef":
        fail(f"{path}.objectType", _("must be 'StatementRef'"))
    check_uuid(value.get("id"), f"{path}.id")


def check_object(value, path, *, in_substatement=False):
    if not isinstance(value, dict):
        fail(path, _("must be an object"))
    object_type = value.get("objectType", "Activity")
    if object_type == "Activity":
        check_activity(value, path)
    elif object_type in ("Agent", "Group"):
        check_agent(value, path)
    elif object_type == "StatementRef":
        check_statement_ref(value, path)
    elif object_type == "SubStatement":
        if in_substatement:
            fail(path, _("a SubStatement must not contain another SubStatement"))
        check_statement_body(value, path, substatement=True)
    else:
        fail(f"{path}.objectType", _("must be Activity, Agent, Group, StatementRef or SubStatement"))


def check_result(value, path="result"):
    check_keys(value, RESULT_KEYS, path)
    if "score" in value:
        score = value["score"]
        check_keys(score, SCORE_KEYS, f"{path}.score")
        for key in SCORE_KEYS & set(score):
            if not is_number(score[key]):
                fail(f"{path}.score.{key}", _("must be a number"))
        if "scaled" in score and not -1 <= score["scaled"] <= 1:
            fail(f"{path}.score.scaled", _("must be between -1 and 1"))
        if "min" in score and "max" in score and score["min"] >= score["max"]:
            fail(f"{path}.score", _("min must be less than max"))
        if "raw" in score:
            if "min" in score and score["raw"] < score["min"]:
                fail(f"{path}.score.raw", _("must not be below min"))
            if "max" in score and score["raw"] > score["max"]:
                fail(f"{path}.score.raw", _("must not be above max"))
    for key in ("success", "completion"):
        if key in value:
            check_bool(value[key], f"{path}.{key}")
    if "response" in value:
        check_string(value["response"], f"{path}.response")
    if "duration" in value:
        if not isinstance(value["duration"], str) or not DURATION_RE.match(value["duration"]):
            fail(f"{path}.duration", _("must be an ISO 8601 duration"))
    if "extensions" in value:
        check_extensions(value["extensions"], f"{path}.extensions")


def check_context(value, object_type, path="context"):
    check_keys(value, CONTEXT_KEYS, path)
    if "registration" in value:
        check_uuid(value["registration"], f"{path}.registration")
    if "instructor" in value:
        check_agent(value["instructor"], f"{path}.instructor")
    if "team" in value:
        check_agent(value["team"], f"{path}.team")
        if value["team"].get("objectType") != "Group":
            fail(f"{path}.team", _("must be a Group"))
    if "contextActivities" in value:
        activities = value["contextActivities"]
        check_keys(activities, CONTEXT_ACTIVITY_KEYS, f"{path}.contextActivities")
        for key, items in activities.items():
            items = items if isinstance(items, list) else [items]
            for index, item in enumerate(items):
                check_activity(item, f"{path}.contextActivities.{key}[{index}]")
    for key in ("revision", "platform"):
        if key in value:
            check_string(value[key], f"{path}.{key}")
            if object_type != "Activity":
                fail(f"{path}.{key}", _("is only allowed when the object is an Activity"))
    if "language" in value:
        if not isinstance(value["language"], str) or not LANGUAGE_TAG_RE.match(value["language"]):
            fail(f"{path}.language", _("must be an RFC 5646 language tag"))
    if "statement" in value:
        check_statement_ref(value["statement"], f"{path}.statement")
    if "extensions" in value:
        check_extensions(value["extensions"], f"{path}.extensions")
    if "contextAgents" in value:
        if not isinstance(value["contextAgents"], list):
            fail(f"{path}.contextAgents", _("must be an array"))
        for index, item in enumerate(value["contextAgents"]):
            item_path = f"{path}.contextAgents[{index}]"
            check_keys(item, {"objectType", "agent", "relevantTypes"}, item_path)
            if item.get("objectType") != "contextAgent":
                fail(f"{item_path}.objectType", _("must be 'contextAgent'"))
            if "agent" not in item:
                fail(item_path, _("must have an agent"))
            check_agent(item["agent"], f"{item_path}.agent", allow_group=False)
            check_relevant_types(item, item_path)
    if "contextGroups" in value:
        if not isinstance(value["contextGroups"], list):
            fail(f"{path}.contextGroups", _("must be an array"))
        for index, item in enumerate(value["contextGroups"]):
            item_path = f"{path}.contextGroups[{index}]"
            check_keys(item, {"objectType", "group", "relevantTypes"}, item_path)
            if item.get("objectType") != "contextGroup":
                fail(f"{item_path}.objectType", _("must be 'contextGroup'"))
            if "group" not in item or not isinstance(item["group"], dict):
                fail(item_path, _("must have a group"))
            if item["group"].get("objectType") != "Group":
                fail(f"{item_path}.group", _("must be a Group"))
            check_agent(item["group"], f"{item_path}.group")
            check_relevant_types(item, item_path)


def check_relevant_types(item, path):
    if "relevantTypes" in item:
        types = item["relevantTypes"]
        if not isinstance(types, list) or not types:
            fail(f"{path}.relevantTypes", _("must be a non-empty array of IRIs"))
        for index, iri in enumerate(types):
            check_iri(iri, f"{path}.relevantTypes[{index}]")


def check_attachments(value, path="attachments"):
    if not isinstance(value, list):
        fail(path, _("must be an array"))
    for index, attachment in enumerate(value):
        item_path = f"{path}[{index}]"
        check_keys(attachment, ATTACHMENT_KEYS, item_path)
        for key in ("usageType", "display", "contentType", "length", "sha2"):
            if key not in attachment:
                fail(item_path, _("must have %(name)s") % {"name": key})
        check_iri(attachment["usageType"], f"{item_path}.usageType")
        check_language_map(attachment["display"], f"{item_path}.display")
        if "description" in attachment:
            check_language_map(attachment["description"], f"{item_path}.description")
        if not isinstance(attachment["contentType"], str) or not MEDIA_TYPE_RE.match(
            attachment["contentType"]
        ):
            fail(f"{item_path}.contentType", _("must be an Internet Media Type"))
        length = attachment["length"]
        if not isinstance(length, int) or isinstance(length, bool) or length < 0:
            fail(f"{item_path}.length", _("must be a non-negative integer"))
        if not isinstance(attachment["sha2"], str) or not SHA2_RE.match(attachment["sha2"]):
            fail(f"{item_path}.sha2", _("must be a SHA-2 hex digest"))
        if "fileUrl" in attachment:
            check_iri(attachment["fileUrl"], f"{item_path}.fileUrl")
        if (
            attachment["usageType"] == SIGNATURE_USAGE
            and attachment["contentType"] != "application/octet-stream"
        ):
            fail(f"{item_path}.contentType", _("a signature attachment must be application/octet-stream"))


def check_authority(value, path="authority"):
    """Data 2.4.9: an Agent, or for OAuth 3-legged authorisation an anonymous Group of exactly two
    Agents (the consumer application and the user)."""
    check_agent(value, path)
    if value.get("objectType") != "Group":
        return
    if any(key in value for key in IFI_KEYS):
        fail(path, _("a Group authority must be an anonymous Group (no inverse functional identifier)"))
    members = value.get("member")
    if not isinstance(members, list) or len(members) != 2:
        fail(path, _("a Group authority must have exactly two members (OAuth consumer and user)"))


def check_statement_body(value, path, *, substatement=False):
    if substatement:
        check_keys(value, SUBSTATEMENT_KEYS, path)
    for key in ("actor", "verb", "object"):
        if key not in value:
            fail(path, _("must have %(name)s") % {"name": key})
    check_agent(value["actor"], f"{path}.actor".lstrip("."))
    check_verb(value["verb"], f"{path}.verb".lstrip("."))
    check_object(value["object"], f"{path}.object".lstrip("."), in_substatement=substatement)
    if "result" in value:
        check_result(value["result"], f"{path}.result".lstrip("."))
    if "context" in value:
        object_type = value["object"].get("objectType", "Activity")
        check_context(value["context"], object_type, f"{path}.context".lstrip("."))
    if "timestamp" in value:
        check_timestamp(value["timestamp"], f"{path}.timestamp".lstrip("."))
    if "attachments" in value:
        check_attachments(value["attachments"], f"{path}.attachments".lstrip("."))


def validate_statement(value):
    """Raise StatementError unless ``value`` is a valid statement."""
    if not isinstance(value, dict):
        fail("statement", _("must be a JSON object"))
    check_keys(value, STATEMENT_KEYS, "statement")
    if "objectType" in value and value["objectType"] != "Statement":
        fail("statement.objectType", _("must be 'Statement' when present"))
    if "id" in value:
        check_uuid(value["id"], "id")
    check_statement_body(value, "")
    if "authority" in value:
        check_authority(value["authority"])
    if "stored" in value:
        check_timestamp(value["stored"], "stored")
    if "version" in value:
        if not isinstance(value["version"], str) or not VERSION_RE.match(value["version"]):
            fail("version", _("must be a 1.0.x or 2.0.x version"))
    verb = value["verb"]["id"]
    if (
        verb == "http://adlnet.gov/expapi/verbs/voided"
        and value["object"].get("objectType") != "StatementRef"
    ):
        fail("object", _("a voiding statement's object must be a StatementRef"))
