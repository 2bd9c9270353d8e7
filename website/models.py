from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index


class BasePage(Page):
    """The base of every page type of the platform: routing from the page-tree cache.

    ``website.routing.serve`` hands Wagtail a page built from a cached row together with the ids of
    the view restrictions that applied when it was routed; Wagtail's privacy hook then reads them
    here instead of asking the database. Outside a cached route (the admin, previews, first visits)
    Wagtail's own lookup runs. A new page type subclasses this, not ``Page``."""

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        ids = getattr(self, "_view_restriction_ids", None)
        if ids is None:
            return super().get_view_restrictions()
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page_id__in=ids)


class OfferBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "pick"
        label = _("What the platform offers")
        template = "blocks/offer_block.html"


class AudienceBlock(blocks.StructBlock):
    audience = blocks.CharBlock(label=_("Audience"), max_length=80, help_text=_("For example: HR managers"))
    text = blocks.TextBlock(label=_("What they come to do"))
    call_to_action = blocks.CharBlock(label=_("Button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Button links to page"), required=False)
    url = blocks.CharBlock(
        label=_("…or to this address"),
        required=False,
        max_length=300,
        help_text=_("Used when no page is chosen."),
    )

    class Meta:
        icon = "group"
        label = _("Audience with call to action")
        template = "blocks/audience_block.html"


class HomePage(BasePage):
    """The landing page: what the platform offers, for whom, and where each audience starts."""

    hero_title = models.CharField(_("headline"), max_length=160)
    hero_text = models.TextField(_("introduction"))
    offers = StreamField([("offer", OfferBlock())], blank=True, verbose_name=_("offers"))
    audiences = StreamField([("audience", AudienceBlock())], blank=True, verbose_name=_("audiences"))

    content_panels = Page.content_panels + [
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("offers"),
        FieldPanel("audiences"),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_text")]
    max_count_per_parent = 1
    template = "website/home_page.html"

    class Meta:
        verbose_name = _("home page")


class StandardPage(BasePage):
    """A plain content page such as the privacy notice or the imprint."""

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    template = "website/standard_page.html"

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="list-ul")
class FooterSettings(BaseSiteSetting):
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy page"),
    )
    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imprint page"),
    )
    contact_email = models.EmailField(_("contact email"), blank=True)

    panels = [FieldPanel("privacy_page"), FieldPanel("imprint_page"), FieldPanel("contact_email")]

    class Meta:
        verbose_name = _("footer")
