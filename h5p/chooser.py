from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.chooser import ChooserViewSet

from .models import H5PPackage


class H5PPackageChooserViewSet(ChooserViewSet):
    """The modal editors use to pick an uploaded package for a lesson's H5P block."""

    model = H5PPackage
    icon = "code"
    choose_one_text = _("Choose an H5P activity")
    choose_another_text = _("Choose another H5P activity")
    edit_item_text = _("Edit H5P package")
    per_page = 30


h5p_package_chooser_viewset = H5PPackageChooserViewSet("h5p_package_chooser")
