"""Writes of the h5p app: storing packages, the learner's saved state, and H5P's xAPI statements."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import H5PActivityResult, H5PContentUserData, H5PPackage
from .storage import delete_files, delete_prefix, extract, new_prefix
from .validation import Limits, validate_package

H5P_SUB_CONTENT_ID = "http://h5p.org/x-api/h5p-subContentId"
H5P_LOCAL_CONTENT_ID = "http://h5p.org/x-api/h5p-local-content-id"


# --- packages -------------------------------------------------------------------------------------


def upload_package(*, uploaded_file, user=None, title="", language="", limits=None, manifest=None):
    """Validate, extract and register a new package. Raises ``PackageRejected``; then nothing is kept.

    ``manifest`` is the result of validating this very file (the admin form validates first)."""
    if manifest is None:
        manifest = validate_package(
            uploaded_file, size=uploaded_file.size, limits=limits or Limits.from_settings()
        )
    package = H5PPackage(
        title=(title or manifest.title).strip(),
        language=language or manifest.language,
        uploaded_by=user if user is not None and user.is_authenticated else None,
        uploaded_at=timezone.now(),
    )
    _apply_manifest(package, manifest, uploaded_file)
    prefix = new_prefix(package.uid)
    stored = extract(uploaded_file, manifest, prefix)
    try:
        with transaction.atomic():
            package.storage_prefix = prefix
            package.save()
    except BaseException:
        delete_files(stored)
        raise
    return package


def replace_package(
    package, *, uploaded_file, user=None, title=None, language=None, limits=None, manifest=None
):
    """Swap a package's files for a new export; lessons keep pointing at the same row.

    The new files go to a fresh folder first. The old folder is removed only once the database
    transaction that points the row at the new folder has committed, so a failure at any step leaves
    learners with a working package.
    """
    if manifest is None:
        manifest = validate_package(
            uploaded_file, size=uploaded_file.size, limits=limits or Limits.from_settings()
        )
    prefix = new_prefix(package.uid)
    stored = extract(uploaded_file, manifest, prefix)
    try:
        with transaction.atomic():
            locked = H5PPackage.objects.select_for_update().get(pk=package.pk)
            old_prefix = locked.storage_prefix
            _apply_manifest(locked, manifest, uploaded_file)
            if title is not None and title.strip():
                locked.title = title.strip()
            if language is not None:
                locked.language = language or manifest.language
            locked.storage_prefix = prefix
            locked.revision += 1
            locked.uploaded_by = user if user is not None and user.is_authenticated else None
            locked.uploaded_at = timezone.now()
            locked.save()
            # H5P asks for states saved with "invalidate" to be dropped when the content changes.
            H5PContentUserData.objects.filter(package=locked, invalidate_on_change=True).delete()
            transaction.on_commit(lambda: delete_prefix(old_prefix))
    except BaseException:
        delete_files(stored)
        raise
    return locked


def delete_package(package):
    root = f"{settings.H5P_STORAGE_PREFIX}/{package.uid}"
    with transaction.atomic():
        package.delete()
        transaction.on_commit(lambda: delete_prefix(root))


def _apply_manifest(package, manifest, uploaded_file):
    package.main_library = manifest.main_library
    package.main_library_version = manifest.main_library_version
    package.h5p_json = manifest.h5p_json
    package.file_count = manifest.file_count
    package.uncompressed_size = manifest.uncompressed_size
    package.original_filename = (getattr(uploaded_file, "name", "") or "")[:255]


# --- saved state (content-user-data) --------------------------------------------------------------


def load_user_data(user, package, lesson, block_id, data_type, sub_content_id):
    row = H5PContentUserData.objects.filter(
        user=user,
        package=package,
        lesson=lesson,
        block_id=block_id,
        data_type=data_type,
        sub_content_id=sub_content_id,
    ).first()
    return row.data if row else None


def save_user_data(user, package, lesson, block_id, data_type, sub_content_id, data, *, invalidate=False):
    """Store the learner's state; ``data`` None (H5P sends 0) deletes it."""
    lookup = {
        "user": user,
        "package": package,
        "lesson": lesson,
        "block_id": block_id,
        "data_type": data_type,
        "sub_content_id": sub_content_id,
    }
    if data is None:
        H5PContentUserData.objects.filter(**lookup).delete()
        return None
    try:
        with transaction.atomic():
            row, _created = H5PContentUserData.objects.update_or_create(
                **lookup, defaults={"data": data, "invalidate_on_change": invalidate}
            )
    except IntegrityError:
        # Two autosaves raced to create the row; the second one simply updates it.
        row, _created = H5PContentUserData.objects.update_or_create(
            **lookup, defaults={"data": data, "invalidate_on_change": invalidate}
        )
    return row


# --- xAPI statements -------------------------------------------------------------------------------


class CompletionMode:
    STATEMENT = "statement"
    CONSUMED = "consumed"
    MARK_DONE = "mark_done"


def short_verb(statement):
    verb_id = ((statement.get("verb") or {}).get("id") or "").rstrip("/")
    return verb_id.rsplit("/", 1)[-1].lower()


def is_child_statement(statement):
    """Statements from content inside a container (a question in a question set, an interaction in a
    video) carry a context parent or a sub-content id; they never decide the activity's completion."""
    context = statement.get("context") or {}
    activities = context.get("contextActivities") or {}
    if activities.get("parent"):
        return True
    extensions = ((statement.get("object") or {}).get("definition") or {}).get("extensions") or {}
    return bool(extensions.get(H5P_SUB_CONTENT_ID))


def score_of(result):
    score = (result or {}).get("score") or {}
    scaled = score.get("scaled")
    if isinstance(scaled, int | float) and not isinstance(scaled, bool):
        return max(-1.0, min(1.0, float(scaled)))
    raw, maximum = score.get("raw"), score.get("max")
    numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (raw, maximum))
    if numbers and maximum > 0:
        return max(-1.0, min(1.0, raw / maximum))
    return None


def completes_activity(statement, mode):
    """Whether a statement completes the activity, by the rules in docs/h5p.md."""
    if is_child_statement(statement):
        return False
    verb = short_verb(statement)
    result = statement.get("result") or {}
    if verb in {"completed", "passed"}:
        return True
    # H5P's single questions say "answered" with completion true when the learner checks the answer.
    if verb in {"answered", "failed"} and result.get("completion") is True:
        return True
    if mode == CompletionMode.CONSUMED and verb in {"consumed", "consume", "experienced"}:
        return True
    return False


def activity_iri_for(lesson, block_id):
    from tracking.services import activity_iri

    return activity_iri("h5p", f"{lesson.translation_key}/{block_id}")


def restamp_object(statement, block_iri):
    """Give the statement server-chosen ids; the browser's are not trusted.

    The statement id is dropped too, so a page cannot claim (or collide with) another statement's id."""
    statement = {key: value for key, value in statement.items() if key != "id"}
    obj = dict(statement.get("object") or {})
    definition = obj.get("definition") or {}
    extensions = definition.get("extensions") or {}
    sub_content_id = extensions.get(H5P_SUB_CONTENT_ID)
    obj["objectType"] = "Activity"
    obj["id"] = f"{block_iri}?subContentId={sub_content_id}" if sub_content_id else block_iri
    if isinstance(definition, dict) and definition:
        extensions = {key: value for key, value in extensions.items() if key != H5P_LOCAL_CONTENT_ID}
        definition = (
            {**definition, "extensions": extensions}
            if extensions
            else {key: value for key, value in definition.items() if key != "extensions"}
        )
        obj["definition"] = definition
    statement["object"] = obj
    return statement


def _parent_iris(statement, block_iri, lesson_iri):
    if not is_child_statement(statement):
        return [lesson_iri]
    parents = ((statement.get("context") or {}).get("contextActivities") or {}).get("parent") or []
    iris = []
    for parent in parents if isinstance(parents, list) else [parents]:
        parent_id = parent.get("id", "") if isinstance(parent, dict) else ""
        marker = "subContentId="
        if marker in parent_id:
            iris.append(f"{block_iri}?subContentId={parent_id.split(marker, 1)[1].split('&', 1)[0]}")
        else:
            iris.append(block_iri)
    return iris or [block_iri]


def capture_statement(user, lesson, block_id, block_value, statement, *, context=None):
    """Store an H5P statement for ``user`` and apply the completion rules; returns a summary dict.

    ``context`` is ``courses.selectors.lesson_context(user, lesson)`` when the caller has it already."""
    from courses.selectors import lesson_context
    from tracking.services import record_raw

    context = context or lesson_context(user, lesson)
    block_iri = activity_iri_for(lesson, block_id)
    lesson_iri = context["lesson_iri"]
    child = is_child_statement(statement)
    restamped = restamp_object(statement, block_iri)
    grouping = [iri for iri in (context.get("module_iri"), context.get("course_iri")) if iri]
    if child:
        grouping = [lesson_iri, *grouping]
    package = block_value["package"]
    mode = block_value.get("completion") or CompletionMode.STATEMENT
    result = statement.get("result") if isinstance(statement.get("result"), dict) else {}

    with transaction.atomic():
        stored = record_raw(
            restamped,
            user=user,
            registration=context.get("registration"),
            parent=_parent_iris(statement, block_iri, lesson_iri),
            grouping=grouping,
            language=package.language or getattr(getattr(lesson, "locale", None), "language_code", None),
        )
        outcome = _apply_result(
            user,
            lesson,
            block_id,
            package,
            completes=completes_activity(statement, mode),
            scored=not child and _carries_outcome(result),
            result=result,
        )
    outcome["statement_id"] = str(getattr(stored, "statement_id", "") or getattr(stored, "id", ""))
    return outcome


def _carries_outcome(result):
    return score_of(result) is not None or isinstance(result.get("success"), bool)


def mark_done(user, lesson, block_id, block_value, *, context=None):
    """The learner says they have worked through content that reports no completion itself."""
    from courses.selectors import lesson_context
    from tracking.services import record

    context = context or lesson_context(user, lesson)
    package = block_value["package"]
    with transaction.atomic():
        record(
            user=user,
            verb="completed",
            activity_id=activity_iri_for(lesson, block_id),
            activity_type="h5p",
            name=package.title,
            result={"completion": True},
            registration=context.get("registration"),
            parent=[context["lesson_iri"]],
            grouping=[iri for iri in (context.get("module_iri"), context.get("course_iri")) if iri],
        )
        return _apply_result(user, lesson, block_id, package, completes=True, scored=False, result={})


def _apply_result(user, lesson, block_id, package, *, completes, scored, result):
    """Update the learner's result row and tell courses when something it counts has changed.

    A repeated ``completed`` (H5P sends one again after a resume) with no better score changes
    nothing and is not reported again.
    """
    if not completes and not scored:
        # Most statements (children of containers, interactions) cannot change the result.
        row = H5PActivityResult.objects.filter(user=user, lesson=lesson, block_id=block_id).first()
        return {
            "completed": bool(row and row.completed_at),
            "newly_completed": False,
            "reported": False,
            "score_scaled": row.score_scaled if row else None,
            "passed": row.passed if row else None,
        }
    lookup = {"user": user, "lesson": lesson, "block_id": block_id}
    try:
        with transaction.atomic():
            H5PActivityResult.objects.get_or_create(**lookup, defaults={"package": package})
    except IntegrityError:
        pass  # another tab created the row a moment ago; lock and update that one
    row = H5PActivityResult.objects.select_for_update().get(**lookup)
    changed = False
    score = score_of(result) if scored else None
    success = result.get("success") if scored and isinstance(result.get("success"), bool) else None

    if score is not None:
        if settings.H5P_SCORE_POLICY == "last":
            if row.score_scaled != score:
                row.score_scaled, changed = score, True
        elif row.score_scaled is None or score > row.score_scaled:
            row.score_scaled, changed = score, True
    if success is not None:
        if settings.H5P_SCORE_POLICY == "last":
            if row.passed is not success:
                row.passed, changed = success, True
        elif row.passed is not True and (success or row.passed is None):
            row.passed, changed = success, True

    newly_completed = completes and row.completed_at is None
    if completes:
        row.attempts += 1
    if newly_completed:
        row.completed_at = timezone.now()
    row.package = package
    row.save()

    reported = False
    if row.completed_at is not None and (newly_completed or changed):
        from courses.services import record_activity_result

        record_activity_result(
            user,
            lesson,
            block_id,
            completed=True,
            passed=row.passed,
            score_scaled=row.score_scaled,
        )
        reported = True
    return {
        "completed": row.completed_at is not None,
        "newly_completed": newly_completed,
        "reported": reported,
        "score_scaled": row.score_scaled,
        "passed": row.passed,
    }
