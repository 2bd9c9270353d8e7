from django.urls import path

from website import converters  # noqa: F401  (registers the <id:…> converter: ids that fit 64 bits)

from . import views

app_name = "h5p"

urlpatterns = [
    # The root is never fetched itself; the player appends h5p.json, content/… and library folders.
    path("content/<uuid:uid>/<id:revision>/", views.serve_content, {"path": "h5p.json"}, name="content_root"),
    path("content/<uuid:uid>/<id:revision>/<path:path>", views.serve_content, name="content"),
    path("xapi/<id:lesson_id>/<str:block_id>/", views.capture, name="capture"),
    path("done/<id:lesson_id>/<str:block_id>/", views.mark_done_view, name="mark_done"),
    path(
        "user-data/<uuid:uid>/<id:lesson_id>/<str:block_id>/<str:data_type>/<str:sub_content_id>/",
        views.content_user_data,
        name="content_user_data",
    ),
]
