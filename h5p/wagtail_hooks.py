from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn, UserColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from . import services
from .chooser import h5p_package_chooser_viewset
from .forms import H5PPackageForm
from .models import H5PPackage


class H5PPackageCreateView(generic.CreateView):
    def save_instance(self):
        form = self.form
        return services.upload_package(
            uploaded_file=form.cleaned_data["package_file"],
            user=self.request.user,
            title=form.cleaned_data.get("title") or "",
            language=form.cleaned_data.get("language") or "",
            manifest=form.manifest,
        )


class H5PPackageEditView(generic.EditView):
    def save_instance(self):
        form = self.form
        uploaded = form.cleaned_data.get("package_file")
        if uploaded:
            return services.replace_package(
                self.object,
                uploaded_file=uploaded,
                user=self.request.user,
                title=form.cleaned_data.get("title") or None,
                language=form.cleaned_data.get("language") or "",
                manifest=form.manifest,
            )
        instance = form.instance
        if not instance.title:
            instance.title = instance.h5p_json.get("title") or instance.main_library
        instance.save(update_fields=["title", "language"])
        return instance


class H5PPackageDeleteView(generic.DeleteView):
    def delete_action(self):
        services.delete_package(self.object)


class H5PPackageViewSet(ModelViewSet):
    model = H5PPackage
    form_class = H5PPackageForm
    add_view_class = H5PPackageCreateView
    edit_view_class = H5PPackageEditView
    delete_view_class = H5PPackageDeleteView
    icon = "code"
    menu_label = _("H5P activities")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    search_fields = ["title", "main_library"]
    list_filter = ["language", "main_library"]
    list_display = [
        "title",
        Column("language", label=_("Language")),
        Column("main_library_label", label=_("Main library")),
        UserColumn("uploaded_by", label=_("Uploaded by")),
        DateColumn("uploaded_at", label=_("Uploaded")),
    ]

    def get_form_class(self, for_update=False):
        return H5PPackageForm


@hooks.register("register_admin_viewset")
def register_h5p_package_viewset():
    return H5PPackageViewSet("h5p_packages")


@hooks.register("register_admin_viewset")
def register_h5p_package_chooser():
    return h5p_package_chooser_viewset
