import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class H5PPackage(models.Model):
    """One uploaded `.h5p` export, extracted into storage under ``storage_prefix``.

    Re-uploading keeps the row (so every lesson block that points at it keeps working) and moves it
    to a fresh ``storage_prefix``; the previous files are deleted once the transaction commits.
    """

    uid = models.UUIDField(_("content id"), default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=255)
    language = models.CharField(
        _("language"),
        max_length=10,
        blank=True,
        help_text=_("Language of the activity's text, e.g. en, de, nl, ar."),
    )
    main_library = models.CharField(_("main library"), max_length=255, editable=False)
    main_library_version = models.CharField(_("main library version"), max_length=20, editable=False)
    # The parsed h5p.json, so the player and the admin never need to read it back from storage.
    h5p_json = models.JSONField(_("h5p.json"), default=dict, editable=False)
    storage_prefix = models.CharField(_("storage folder"), max_length=255, editable=False)
    original_filename = models.CharField(_("uploaded file name"), max_length=255, blank=True, editable=False)
    file_count = models.PositiveIntegerField(_("files"), default=0, editable=False)
    uncompressed_size = models.BigIntegerField(_("size on disk"), default=0, editable=False)
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    uploaded_at = models.DateTimeField(_("uploaded"), editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("H5P package")
        verbose_name_plural = _("H5P packages")
        ordering = ["title", "pk"]

    def __str__(self):
        return self.title

    @property
    def main_library_label(self):
        return f"{self.main_library} {self.main_library_version}"


class H5PContentUserData(models.Model):
    """H5P's content-user-data (the resume state) for one learner and one placement of a package.

    A package placed in two lessons keeps two states: answering it in one lesson must not make it
    look answered, but not completed, in the other.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    package = models.ForeignKey(H5PPackage, on_delete=models.CASCADE, related_name="user_data")
    lesson = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    block_id = models.CharField(max_length=64)
    data_type = models.CharField(max_length=100, default="state")
    sub_content_id = models.CharField(max_length=100, default="0")
    data = models.TextField()
    # H5P's "invalidate" flag: the state no longer fits once the package is replaced.
    invalidate_on_change = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("H5P saved state")
        verbose_name_plural = _("H5P saved states")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "package", "lesson", "block_id", "data_type", "sub_content_id"],
                name="h5p_user_data_unique",
            )
        ]

    def __str__(self):
        return f"{self.package} / {self.data_type} ({self.user})"


class H5PActivityResult(models.Model):
    """What a learner achieved in one H5P block of one lesson; makes repeated statements idempotent."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    package = models.ForeignKey(H5PPackage, on_delete=models.CASCADE, related_name="results")
    # The lesson is a Wagtail page owned by courses; referencing the base Page keeps h5p independent.
    lesson = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    block_id = models.CharField(max_length=64)
    completed_at = models.DateTimeField(null=True, blank=True)
    passed = models.BooleanField(null=True, blank=True)
    score_scaled = models.FloatField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("H5P activity result")
        verbose_name_plural = _("H5P activity results")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson", "block_id"], name="h5p_result_unique")
        ]

    def __str__(self):
        return f"{self.package} in {self.lesson_id}/{self.block_id} ({self.user})"
