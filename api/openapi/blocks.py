"""Stream fields' schemas, read off the block definitions: each kind of item (`paragraph`, `quote`, `tip`...) a schema
of its own with its `type` fixed, and each stream a union of them told apart by `type`."""

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock

from home.blocks import DocumentBlock, ImageBlock

from .helpers import constant, nullable, obj, ref, union

HTML = {"type": "string", "description": "HTML with absolute links"}


def value_schema(block):
    """The schema of a block's value as the API shows it."""
    if isinstance(block, blocks.StructBlock):
        properties = {name: value_schema(child) for name, child in block.child_blocks.items()}
        return {"type": "object", "properties": properties, "required": list(properties)}
    if isinstance(block, ImageBlock):
        return nullable(ref("Image"))
    if isinstance(block, DocumentBlock):
        return nullable(ref("Document"))
    if isinstance(block, blocks.RichTextBlock):
        return HTML
    if isinstance(block, blocks.IntegerBlock):
        return {"type": "integer"}
    if isinstance(block, blocks.ChoiceBlock):
        return {"type": "string", "enum": [str(value) for value, _label in block.field.choices if value != ""]}
    if isinstance(block, EmbedBlock):
        return {"type": "string", "format": "uri", "description": "The embedded item's own URL (a video, say)"}
    if isinstance(block, blocks.FieldBlock):
        return {"type": "string"}
    raise TypeError(f"no API schema for {type(block).__name__}")


def item_name(name):
    return f"{name.title()}Block"


def stream_name(stream_block):
    """A stream's union, named after its block class: BodyStreamBlock -> BodyStreamItem."""
    return type(stream_block).__name__.removesuffix("Block") + "Item"


def item_schemas(name, block):
    """The item's schema, and its value's when that is an object (a component of its own, FigureBlockValue)."""
    value, schemas = value_schema(block), {}
    if value.get("type") == "object":
        schemas[f"{item_name(name)}Value"], value = value, ref(f"{item_name(name)}Value")
    properties = {"type": constant(name), "value": value, "id": {"type": "string"}}
    schemas[item_name(name)] = obj(properties, description=f"A {name} item of a stream field.")
    return schemas


def stream_schemas(stream_block):
    """The stream's union and its items' schemas, by component name."""
    schemas = {}
    for name, block in stream_block.child_blocks.items():
        schemas.update(item_schemas(name, block))
    mapping = {name: item_name(name) for name in stream_block.child_blocks}
    return {**schemas, stream_name(stream_block): union("type", mapping)}
