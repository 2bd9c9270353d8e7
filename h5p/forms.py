from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import H5PPackage
from .validation import Limits, PackageRejected, validate_package


def language_choices():
    return [("", _("As stated in the package"))] + [(code, name) for code, name in settings.LANGUAGES]


class H5PPackageForm(forms.ModelForm):
    """Upload (or, when editing, optionally replace) an `.h5p` file; validation runs in ``clean``."""

    package_file = forms.FileField(
        label=_("H5P file"),
        help_text=_("An .h5p export from Lumi or h5p.org, with all its libraries included."),
        widget=forms.ClearableFileInput(attrs={"accept": ".h5p,application/zip"}),
    )
    language = forms.ChoiceField(label=_("Language"), required=False, choices=language_choices)

    class Meta:
        model = H5PPackage
        fields = ["title", "language"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_user = for_user
        self.manifest = None
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Leave empty to use the title stored in the package.")
        if self.instance.pk:
            self.fields["package_file"].required = False
            self.fields["package_file"].label = _("Replace with a new version")
            self.fields["package_file"].help_text = _(
                "Lessons that use this activity keep working and show the new version. "
                "Current version: %(library)s, uploaded %(date)s."
            ) % {
                "library": self.instance.main_library_label,
                "date": self.instance.uploaded_at.strftime("%Y-%m-%d %H:%M"),
            }

    def clean_package_file(self):
        uploaded = self.cleaned_data.get("package_file")
        if not uploaded:
            return uploaded
        try:
            self.manifest = validate_package(uploaded, size=uploaded.size, limits=Limits.from_settings())
        except PackageRejected as rejection:
            raise forms.ValidationError(rejection.message, code="invalid_package") from rejection
        return uploaded
