from django import forms
from django.utils.translation import gettext_lazy as _


class AgreeForm(forms.Form):
    accept_privacy = forms.BooleanField(
        label=_("I have read the privacy notice and agree to it."),
        error_messages={"required": _("Please agree to the privacy notice to go on, or log out.")},
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput, max_length=2000)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        max_length=4096,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}, render_value=False),
    )
    understood = forms.BooleanField(
        label=_("I understand that my account and my data are deleted for good."),
        error_messages={
            "required": _("Please tick the box to confirm that you want to delete your account.")
        },
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if "\x00" in password or not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password. Please type it again."))
        return password


class EraseForm(forms.Form):
    """The administrator's confirmation, with the request it answers."""

    note = forms.CharField(
        label=_("Request"),
        max_length=200,
        help_text=_("How and when the person asked, e.g. “e-mail of 2 May”. Kept in the audit log."),
    )
    confirm = forms.BooleanField(label=_("Erase this person's data now. This cannot be undone."))

    def clean_note(self):
        note = self.cleaned_data["note"].strip()
        if "\x00" in note:
            raise forms.ValidationError(_("Please leave out control characters."))
        return note
