"""Demo images and PDFs made on this machine (nothing is downloaded)."""

import hashlib
import io
import random
import zlib

from PIL import Image, ImageDraw, ImageFont

PALETTES = {
    "energy-efficiency": ((255, 196, 61), (240, 120, 40)),
    "green-consumption": ((120, 190, 90), (40, 120, 70)),
    "low-carbon": ((140, 200, 230), (50, 110, 160)),
    "reduce-waste": ((200, 170, 120), (120, 90, 60)),
    "waste-management": ((170, 170, 160), (80, 110, 90)),
    "water-conservation": ((110, 180, 230), (20, 90, 160)),
    "organic-food": ((160, 210, 100), (90, 140, 40)),
    "economic-opportunity": ((230, 170, 120), (170, 80, 60)),
}
DEFAULT_PALETTE = ((150, 200, 170), (47, 107, 58))


def landscape_jpeg(seed, topic="", size=(1600, 900)):
    """A simple landscape (sky, sun, hills, buildings) whose shapes and colours follow the seed and topic."""
    rng = random.Random(hashlib.sha256(seed.encode()).hexdigest())
    light, dark = PALETTES.get(topic, DEFAULT_PALETTE)
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        mix = y / height
        draw.line([(0, y), (width, y)], fill=tuple(int(light[i] * (1 - mix) + 255 * mix * 0.6) for i in range(3)))
    sun_x, sun_r = rng.randint(width // 5, width * 4 // 5), rng.randint(60, 110)
    draw.ellipse([sun_x - sun_r, 120 - sun_r, sun_x + sun_r, 120 + sun_r], fill=(255, 236, 170))
    for layer in range(3):
        base = height * (0.55 + 0.12 * layer)
        points = [(0, height)]
        for x in range(0, width + 100, 100):
            points.append((x, base + rng.randint(-60, 40)))
        points.append((width, height))
        shade = tuple(max(0, int(dark[i] * (1 - 0.15 * layer))) for i in range(3))
        draw.polygon(points, fill=shade)
    for _ in range(rng.randint(4, 9)):
        x, w, h = rng.randint(0, width - 120), rng.randint(50, 120), rng.randint(80, 260)
        draw.rectangle([x, height - h, x + w, height], fill=(235, 235, 228), outline=(120, 120, 110))
        for wy in range(height - h + 15, height - 20, 30):
            draw.rectangle([x + 10, wy, x + w - 10, wy + 12], fill=(150, 180, 200))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()


def logo_png(initials, seed):
    rng = random.Random(seed)
    colour = rng.choice(list(PALETTES.values()))[1]
    image = Image.new("RGB", (400, 400), colour)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=120 if len(initials) <= 3 else 80)
    draw.text((200, 200), initials, fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def text_pdf(title, lines):
    """A one-column text PDF. It uses the Adobe-GB1 'STSong-Light' font every PDF reader provides,
    so Chinese text needs no embedded font file."""
    wrapped = [title, ""] + [piece for line in lines for piece in wrap(line, 46)]
    pages = [wrapped[i : i + 40] for i in range(0, len(wrapped), 40)] or [[title]]
    objects = []

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    pages_obj = add(None)
    font = add(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 >>] >>"
    )
    kids = []
    for page_lines in pages:
        ops = [b"BT /F1 12 Tf 16 TL 56 780 Td"]
        for index, line in enumerate(page_lines):
            size = 18 if line is title and index == 0 else 12
            hex_text = line.encode("utf-16-be", errors="replace").hex().encode()
            ops.append(b"/F1 %d Tf <%s> Tj T*" % (size, hex_text))
        ops.append(b"ET")
        stream = zlib.compress(b"\n".join(ops))
        content = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> >> "
                b"/Contents %d 0 R >>" % (pages_obj, font, content)
            )
        )
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref))
    return out.getvalue()


def wrap(text, width):
    """Lines of at most `width` full-width characters (a Latin letter counts as half)."""
    lines, current, used = [], "", 0.0
    for word in text.replace("\n", " ").split(" ") if text.isascii() else list(text):
        cost = sum(0.5 if ch.isascii() else 1 for ch in word) + (0.5 if text.isascii() else 0)
        if used + cost > width and current:
            lines.append(current.rstrip())
            current, used = "", 0.0
        current += word + (" " if text.isascii() else "")
        used += cost
    if current.strip():
        lines.append(current.rstrip())
    return lines or [""]
