"""The one block library every page type draws from.

How images and documents appear to the mobile apps, and how a listing's prefetched ones are reused, belongs to
the API: the chooser blocks ask for it through hooks the API app registers (see api/wagtail_hooks.py), so this
library imports nothing from it.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks, hooks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


def first_hook_answer(hook_name, *args):
    """The first answer other than None of the functions registered for this hook, else None."""
    for hook in hooks.get_hooks(hook_name):
        answer = hook(*args)
        if answer is not None:
            return answer
    return None


class MediaChooserBlockMixin:
    """A chooser whose values the API may load in bulk and represent its own way (hooks `<kind>_bulk_load`
    and `<kind>_api_representation`)."""

    media_kind = ""

    def bulk_to_python(self, values):
        return first_hook_answer(f"{self.media_kind}_bulk_load", values) or super().bulk_to_python(values)

    def get_api_representation(self, value, context=None):
        if not value:
            return None
        for represent in hooks.get_hooks(f"{self.media_kind}_api_representation"):
            return represent(value, context or {})  # None hides the file (e.g. from a private collection)
        return super().get_api_representation(value, context)


class ImageBlock(MediaChooserBlockMixin, ImageChooserBlock):
    """An image chooser; the API shows it as ready-made renditions, never from a private collection."""

    media_kind = "image"


class DocumentBlock(MediaChooserBlockMixin, DocumentChooserBlock):
    """A document chooser; the API shows it with its download URL, size and type."""

    media_kind = "document"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"))
    level = blocks.ChoiceBlock(choices=[("h2", "H2"), ("h3", "H3")], default="h2", label=_("Level"))

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(
        required=False, help_text=_("Who said it, e.g. Wang Zhongping"), label=_("Attribution")
    )
    role = blocks.CharBlock(required=False, help_text=_("Their title, e.g. Director, NTCMC"), label=_("Role"))

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        required=False,
        help_text=_("Describes the image for screen readers; defaults to the image's own description"),
        label=_("Alternative text"),
    )
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"

    def get_api_representation(self, value, context=None):
        representation = super().get_api_representation(value, context)
        if representation.get("image") and value.get("alt_text"):
            representation["image"]["alt"] = value["alt_text"]
        return representation


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentBlock(label=_("Document"))
    title = blocks.CharBlock(
        required=False, help_text=_("Link text; defaults to the document's title"), label=_("Title")
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"


class FigureBlock(blocks.StructBlock):
    """A headline number such as "900+ community leaders trained"."""

    number = blocks.IntegerBlock(min_value=0, label=_("Number"))
    suffix = blocks.CharBlock(
        required=False, max_length=5, help_text=_('Shown after the number, e.g. "+"'), label=_("Suffix")
    )
    label = blocks.CharBlock(label=_("Label"))

    class Meta:
        icon = "pick"
        template = "blocks/figure_block.html"

    def readable_text(self, value):
        """The figure as readers read it ("15% less water used"), for search and its snippets: the number is
        not text, so it would otherwise be lost and leave "% less water used"."""
        return [f"{value['number']}{value['suffix']} {value['label']}"]


class TipBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.TextBlock(label=_("Text"))
    image = ImageBlock(required=False, label=_("Image"))

    class Meta:
        icon = "tick-inverse"
        template = "blocks/tip_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    """The body of every long-form page: news, programs and success stories."""

    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, template="blocks/paragraph_block.html", label=_("Paragraph")
    )
    heading = HeadingBlock(label=_("Heading"))
    quote = QuoteBlock(label=_("Quote"))
    image = CaptionedImageBlock(label=_("Image"))
    document = DocumentLinkBlock(label=_("Document"))
    embed = EmbedBlock(template="blocks/embed_block.html", label=_("Embed"))


class FiguresBlock(blocks.StreamBlock):
    figure = FigureBlock(label=_("Figure"))


class DownloadsBlock(blocks.StreamBlock):
    document = DocumentLinkBlock(label=_("Document"))


class TipsBlock(blocks.StreamBlock):
    tip = TipBlock(label=_("Tip"))
