"""What h5p holds about a person: results of H5P activities and the saved state (resume)."""

from privacy.registry import register

from .models import H5PActivityResult, H5PContentUserData


def export(user):
    return {
        "results": [
            {
                "activity": row.package.title,
                "lesson": row.lesson.title,
                "completed_at": row.completed_at,
                "passed": row.passed,
                "score": row.score_scaled,
                "attempts": row.attempts,
                "updated_at": row.updated_at,
            }
            for row in H5PActivityResult.objects.filter(user=user)
            .select_related("package", "lesson")
            .order_by("pk")
        ],
        "saved_state": [
            {
                "activity": row.package.title,
                "lesson": row.lesson.title,
                "kind": row.data_type,
                "sub_content": row.sub_content_id,
                "data": row.data,
                "updated_at": row.updated_at,
            }
            for row in H5PContentUserData.objects.filter(user=user)
            .select_related("package", "lesson")
            .order_by("pk")
        ],
    }


def erase(user):
    results = H5PActivityResult.objects.filter(user=user).delete()[0]
    states = H5PContentUserData.objects.filter(user=user).delete()[0]
    # Packages the person uploaded stay: they are course content; uploaded_by now names the placeholder.
    return {"results": results, "saved_state": states}


register(
    "h5p",
    models=["h5p.H5PActivityResult", "h5p.H5PContentUserData", "h5p.H5PPackage"],
    export=export,
    erase=erase,
)
