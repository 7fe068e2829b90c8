"""The one block library every page type draws from."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"))
    level = blocks.ChoiceBlock(choices=[("h2", "H2"), ("h3", "H3")], default="h2")

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, help_text=_("Who said it, e.g. Wang Zhongping"))
    role = blocks.CharBlock(required=False, help_text=_("Their title, e.g. Director, NTCMC"))

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False, help_text=_("Describes the image for screen readers; defaults to the image's own description")
    )
    caption = blocks.CharBlock(required=False)

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, help_text=_("Link text; defaults to the document's title"))

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"


class FigureBlock(blocks.StructBlock):
    """A headline number such as "900+ community leaders trained"."""

    number = blocks.IntegerBlock(min_value=0)
    suffix = blocks.CharBlock(required=False, max_length=5, help_text=_('Shown after the number, e.g. "+"'))
    label = blocks.CharBlock()

    class Meta:
        icon = "pick"
        template = "blocks/figure_block.html"


class TipBlock(blocks.StructBlock):
    title = blocks.CharBlock()
    text = blocks.TextBlock()
    image = ImageChooserBlock(required=False)

    class Meta:
        icon = "tick-inverse"
        template = "blocks/tip_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    """The body of every long-form page: news, programs and success stories."""

    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, template="blocks/paragraph_block.html")
    heading = HeadingBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    document = DocumentLinkBlock()
    embed = EmbedBlock(template="blocks/embed_block.html")


class FiguresBlock(blocks.StreamBlock):
    figure = FigureBlock()


class DownloadsBlock(blocks.StreamBlock):
    document = DocumentLinkBlock()


class TipsBlock(blocks.StreamBlock):
    tip = TipBlock()
