"""Reading statements for GET /xapi/statements: filters, keyset paging on ``stored`` and formats."""

import json
import uuid
from datetime import datetime

from django.conf import settings
from django.core import signing
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from .models import Statement, StatementActivity, StatementAgent
from .store import activity_hash, agent_hash, verb_hash
from .validation import JSONError, StatementError, check_agent, check_iri, is_uuid, load_json, parse_timestamp

FILTER_PARAMS = (
    "agent", "verb", "activity", "registration", "related_activities", "related_agents", "since", "until",
    "limit", "ascending",
)  # fmt: skip
MORE_SALT = "tracking.statements.more"


class QueryError(ValueError):
    pass


def parse_bool(value, name):
    if value in (None, ""):
        return False
    if value.lower() == "true":
        return True
    if value.lower() == "false":
        return False
    raise QueryError(_("%(name)s must be true or false") % {"name": name})


def parse_agent(text, name="agent"):
    try:
        agent = load_json(text)
    except JSONError as error:
        raise QueryError(_("%(name)s must be a JSON Agent or Group") % {"name": name}) from error
    try:
        check_agent(agent, name)
    except StatementError as error:
        raise QueryError(str(error)) from error
    return agent


def parse_time(text, name):
    try:
        return parse_timestamp(text, name)
    except StatementError as error:
        raise QueryError(str(error)) from error


def parse_filters(params):
    """Turn query parameters into a normalised filter dict (JSON-serialisable, for the more link)."""
    filters = {}
    if params.get("agent"):
        agent = parse_agent(params["agent"])
        filters["agent"] = agent_hash(
            agent, direct=not parse_bool(params.get("related_agents"), "related_agents")
        )
        if filters["agent"] is None:
            raise QueryError(_("agent: an anonymous Group cannot be used as a filter"))
    else:
        parse_bool(params.get("related_agents"), "related_agents")
    if params.get("verb"):
        try:
            check_iri(params["verb"], "verb")
        except StatementError as error:
            raise QueryError(str(error)) from error
        filters["verb"] = verb_hash(params["verb"])
    if params.get("activity"):
        try:
            check_iri(params["activity"], "activity")
        except StatementError as error:
            raise QueryError(str(error)) from error
        filters["activity"] = activity_hash(params["activity"])
        filters["related_activities"] = parse_bool(params.get("related_activities"), "related_activities")
    else:
        parse_bool(params.get("related_activities"), "related_activities")
    if params.get("registration"):
        if not is_uuid(params["registration"]):
            raise QueryError(_("registration must be a UUID"))
        filters["registration"] = params["registration"].lower()
    if params.get("since"):
        filters["since"] = parse_time(params["since"], "since").isoformat()
    if params.get("until"):
        filters["until"] = parse_time(params["until"], "until").isoformat()
    filters["ascending"] = parse_bool(params.get("ascending"), "ascending")
    limit = params.get("limit") or "0"
    # isdigit() also accepts digits such as "²" or "٣" that int() refuses; a page size has few digits.
    if not (limit.isascii() and limit.isdigit()) or len(limit) > 9:
        raise QueryError(_("limit must be a non-negative integer"))
    limit = int(limit)
    maximum = settings.XAPI_STATEMENT_MAX_PAGE_SIZE
    filters["limit"] = min(limit, maximum) if limit else settings.XAPI_STATEMENT_PAGE_SIZE
    return filters


def _window(filters, cursor, order, tie):
    """since/until (on ``stored``) and the keyset cursor as one Q on whichever ``stored`` drives.

    The caller puts it in the same ``filter()`` call as the driving link table's own conditions:
    the ORM joins a multi-valued relation anew for every ``filter()`` call, and a second join of a
    link table multiplies each statement by its number of links."""
    condition = Q()
    if "since" in filters:
        condition &= Q(**{f"{order}__gt": datetime.fromisoformat(filters["since"])})
    if "until" in filters:
        condition &= Q(**{f"{order}__lte": datetime.fromisoformat(filters["until"])})
    if cursor:
        stored = datetime.fromisoformat(cursor[0])
        # The plain range condition keeps the index range tight; the OR only settles equal times.
        if filters.get("ascending"):
            condition &= Q(**{f"{order}__gte": stored}) & (
                Q(**{f"{order}__gt": stored}) | Q(**{f"{tie}__gt": cursor[1]})
            )
        else:
            condition &= Q(**{f"{order}__lte": stored}) & (
                Q(**{f"{order}__lt": stored}) | Q(**{f"{tie}__lt": cursor[1]})
            )
    return condition


def _ordered(queryset, filters, order, tie):
    prefix = "" if filters.get("ascending") else "-"
    return list(
        queryset.order_by(prefix + order, prefix + tie).values_list("id", "stored", "raw")[
            : filters["limit"] + 1
        ]
    )


def _target_matches(organisation_id, filters):
    """Statements (voided or not) that meet the non-time filters, for matching StatementRefs."""
    targets = Statement.objects.filter(
        organisation_id=organisation_id, statement_id=OuterRef("object_statement_id")
    )
    if "agent" in filters:
        targets = targets.filter(
            Exists(
                StatementAgent.objects.filter(
                    statement=OuterRef("pk"), organisation_id=organisation_id, agent_hash=filters["agent"]
                )
            )
        )
    if "activity" in filters:
        if filters.get("related_activities"):
            targets = targets.filter(
                Exists(
                    StatementActivity.objects.filter(
                        statement=OuterRef("pk"),
                        organisation_id=organisation_id,
                        activity_hash=filters["activity"],
                    )
                )
            )
        else:
            targets = targets.filter(object_hash=filters["activity"])
    if "verb" in filters:
        targets = targets.filter(verb_hash=filters["verb"])
    if "registration" in filters:
        targets = targets.filter(registration=uuid.UUID(filters["registration"]))
    return targets


def statement_page(organisation_id, filters, cursor=None):
    """One page of (id, stored, raw JSON) rows and the cursor of the next page (or None).

    The ordering column is ``stored`` of whichever table drives the lookup, so every filter is one
    range scan of one index: the agent link table, the activity link table, or the statement table.
    Statements whose object is a StatementRef also match when the statement they point to matches
    (xAPI "filter conditions for StatementRefs"); they are found through a small partial index of
    StatementRef statements and merged in."""
    queryset = Statement.objects.filter(organisation_id=organisation_id, voided=False)
    links = []  # (prefix, conditions) of each link table used; each goes into one filter() call
    if "agent" in filters:
        links.append(("agent_links", {"agent_hash": filters["agent"]}))
    if "activity" in filters:
        if filters.get("related_activities"):
            links.append(("activity_links", {"activity_hash": filters["activity"]}))
        else:
            queryset = queryset.filter(object_hash=filters["activity"])
    if "verb" in filters:
        queryset = queryset.filter(verb_hash=filters["verb"])
    if "registration" in filters:
        queryset = queryset.filter(registration=uuid.UUID(filters["registration"]))
    if links:
        # The first link table drives: its (organisation, hash, stored, statement) index is read in
        # order, and the window and cursor apply to its ``stored`` so the range stays tight.
        driver = links[0][0]
        order, tie = f"{driver}__stored", f"{driver}__statement"
    else:
        order, tie = "stored", "id"
    window = _window(filters, cursor, order, tie)
    for index, (prefix, conditions) in enumerate(links):
        condition = Q(
            **{f"{prefix}__organisation_id": organisation_id},
            **{f"{prefix}__{name}": value for name, value in conditions.items()},
        )
        queryset = queryset.filter(condition & window if index == 0 else condition)
    if not links:
        queryset = queryset.filter(window)
    rows = _ordered(queryset, filters, order, tie)
    if TARGET_FILTERS & set(filters):
        references = Statement.objects.filter(
            organisation_id=organisation_id, voided=False, object_statement_id__isnull=False
        ).filter(Exists(_target_matches(organisation_id, filters)))
        extra = _ordered(references.filter(_window(filters, cursor, "stored", "id")), filters, "stored", "id")
        if extra:
            merged = {row[0]: row for row in rows + extra}
            rows = sorted(
                merged.values(), key=lambda row: (row[1], row[0]), reverse=not filters.get("ascending")
            )
    limit = filters["limit"]
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        next_cursor = (rows[-1][1].isoformat(), rows[-1][0])
    return rows, next_cursor


TARGET_FILTERS = {"agent", "activity", "verb", "registration"}


def more_token(organisation_id, filters, cursor):
    return signing.dumps({"o": organisation_id, "f": filters, "c": cursor}, salt=MORE_SALT, compress=True)


def read_more_token(token, organisation_id):
    try:
        data = signing.loads(token, salt=MORE_SALT, max_age=24 * 3600)
    except signing.BadSignature as error:
        raise QueryError(_("the more link is not valid or has expired")) from error
    if data.get("o") != organisation_id:
        raise QueryError(_("the more link belongs to another LRS key's organisation"))
    return data["f"], tuple(data["c"])


LANGUAGE_MAP_KEYS = {"display", "name", "description"}


def canonical(value, languages):
    """Reduce every language map to the one entry that best matches the Accept-Language list."""
    if isinstance(value, list):
        return [canonical(item, languages) for item in value]
    if not isinstance(value, dict):
        return value
    result = {}
    for key, item in value.items():
        if key == "extensions":
            result[key] = item
        elif key in LANGUAGE_MAP_KEYS and isinstance(item, dict) and item:
            result[key] = pick_language(item, languages)
        else:
            result[key] = canonical(item, languages)
    return result


def pick_language(language_map, languages):
    lowered = {tag.lower(): tag for tag in language_map}
    for wanted in languages:
        wanted = wanted.lower()
        if wanted in lowered:
            tag = lowered[wanted]
            return {tag: language_map[tag]}
        for candidate, tag in lowered.items():
            if candidate.split("-")[0] == wanted.split("-")[0]:
                return {tag: language_map[tag]}
    tag = next(iter(language_map))
    return {tag: language_map[tag]}


def accept_languages(header):
    entries = []
    for index, part in enumerate((header or "").split(",")):
        tag, _sep, params = part.strip().partition(";")
        if not tag or tag == "*":
            continue
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0
        entries.append((-quality, index, tag.strip()))
    return [tag for _q, _i, tag in sorted(entries)]


def ids_agent(agent):
    if not isinstance(agent, dict):
        return agent
    result = {"objectType": agent.get("objectType", "Agent")}
    for key in ("mbox", "mbox_sha1sum", "openid", "account"):
        if key in agent:
            result[key] = agent[key]
    if result["objectType"] == "Group" and "member" in agent and len(result) == 1:
        result["member"] = [ids_agent(member) for member in agent["member"]]
    return result


def ids_object(obj):
    object_type = obj.get("objectType", "Activity")
    if object_type == "Activity":
        return {"id": obj["id"]}
    if object_type in ("Agent", "Group"):
        return ids_agent(obj)
    if object_type == "SubStatement":
        return ids_statement(obj)
    return obj


def ids_statement(statement):
    """format=ids (Communication 2.1.3): Agents, Groups, Verbs and Activities keep only what identifies
    them; an Activity is its ``id`` alone, in SubStatements and context activities too."""
    result = dict(statement)
    result["actor"] = ids_agent(statement["actor"])
    result["verb"] = {"id": statement["verb"]["id"]}
    result["object"] = ids_object(statement["object"])
    if "authority" in statement:
        result["authority"] = ids_agent(statement["authority"])
    context = statement.get("context")
    if context:
        context = dict(context)
        for key in ("instructor", "team"):
            if key in context:
                context[key] = ids_agent(context[key])
        if "contextActivities" in context:
            context["contextActivities"] = {
                key: [{"id": item["id"]} for item in (items if isinstance(items, list) else [items])]
                for key, items in context["contextActivities"].items()
            }
        result["context"] = context
    return result


def render(raw, statement_format, languages):
    """Format one stored statement; ``exact`` returns the stored JSON text untouched."""
    if statement_format == "exact":
        return raw
    statement = json.loads(raw)
    if statement_format == "ids":
        statement = ids_statement(statement)
    else:
        statement = canonical(statement, languages)
    return json.dumps(statement, ensure_ascii=False, separators=(",", ":"))
