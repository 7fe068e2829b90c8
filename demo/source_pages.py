"""Reads the organisation's original pages (kept in `source/` beside this file) into plain data the demo
builder turns into pages.

The pages are the old site's text as Markdown-ish dumps; this parser knows their shape and fails loudly
(SourcePageError) when a file is missing or no longer has that shape, rather than building half a site.
"""

import datetime
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

SOURCE_DIR = Path(__file__).with_name("source")
NEWSLETTER_FILE = "newsletter-2007-10.md"
PROGRAM_FILE = "harmony-in-china.md"

# Typos in the old pages, corrected on the new site.
CORRECTIONS = {"Consupmtion": "Consumption", "Mannual": "Manual"}

# The people quoted in the newsletter: full name, the names the text also uses, and their role.
SPEAKERS = [
    (
        "Wang Zhongping",
        ["Wang Zhongping", "Director Wang", "Wang"],
        "Director, National Training Center for Mayors of China",
    ),
    ("Zhang Yongli", ["Zhang Yongli", "Zhang"], "President, Environmental Management College of China"),
    (
        "Geng Shigang",
        ["Geng Shigang"],
        "Vice-President and Project Director, Environmental Management College of China",
    ),
    ("Xue Yanyan", ["Xue Yanyan"], "Project Coordinator, Environmental Management College of China"),
    ("Wu Ju", ["Wu Ju", "Wu"], "Lecturer, Environmental Management College of China"),
    ("Michael Bloomfield", ["Michael Bloomfield", "Bloomfield"], "Founder, Harmony Foundation of Canada"),
]

MONTHS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Oct": 10}
MONTHS.update({"Nov": 11, "Dec": 12})
QUOTED = re.compile(r"[\"“]([^\"“”]{3,}?)[\"”]")
DATELINE = re.compile(r"^\*\*([A-Z][A-Z ]+?)\s*(\*\*)?\s+-\s+")
CAPTION = re.compile(r"^\*\*([^*]+)\*\*\s+-\s+(.+)$")
FULL_DATE = re.compile(
    r"(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2}), (\d{4})"
)
SHORT_DATE = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? (\d{1,2})\b")


class SourcePageError(Exception):
    """A source page is missing or not in the shape the demo builder expects."""


@dataclass
class Block:
    kind: str  # "paragraph" (HTML), "quote", "heading" or "list" (HTML)
    value: str
    attribution: str = ""
    role: str = ""


@dataclass
class NewsStory:
    title: str
    dateline: str
    date: datetime.date
    summary: str
    caption: str = ""
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Download:
    title: str
    english: str | None  # file label in the old site, e.g. "Program PPT Nov 2011-EN"
    chinese: str | None


@dataclass
class ProgramSummary:
    title: str
    subtitle: str
    start_year: int
    end_year: int
    figures: list[tuple[int, str, str]]  # number, suffix, label
    partners: list[str]
    donors: list[str]
    blocks: list[Block]
    downloads: list[Download]
    tip_sheet_topics: list[str]


@dataclass
class Contact:
    organisation_name: str
    website: str
    email: str
    phone: str
    fax: str


@dataclass
class SourcePages:
    stories: list[NewsStory]
    sponsor: str
    contact: Contact
    program: ProgramSummary


def load_source_pages(directory=SOURCE_DIR):
    directory = Path(directory)
    texts = {}
    for name in (NEWSLETTER_FILE, PROGRAM_FILE):
        path = directory / name
        if not path.is_file():
            raise SourcePageError(f"Source page not found: {path}.")
        texts[name] = correct(path.read_text(encoding="utf-8"))
    stories, sponsor, contact = parse_newsletter(texts[NEWSLETTER_FILE])
    return SourcePages(stories=stories, sponsor=sponsor, contact=contact, program=parse_program(texts[PROGRAM_FILE]))


def correct(text):
    for wrong, right in CORRECTIONS.items():
        text = text.replace(wrong, right)
    return text


def paragraphs(text, rejoin=True):
    """Blank-line separated paragraphs, re-joining (with rejoin) the ones the old page broke mid-sentence."""
    parts = [" ".join(line.strip() for line in chunk.splitlines()) for chunk in re.split(r"\n\s*\n", text)]
    joined = []
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if rejoin and joined and not re.search(r"[.!?:”\")]$", strip_markup(joined[-1])):
            joined[-1] = f"{joined[-1]} {part}"
        else:
            joined.append(part)
    return joined


def strip_markup(text):
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    return re.sub(r"\*{1,2}([^*]+?)\*{1,2}", r"\1", text).replace("**", "").strip()


def to_html(text):
    """The pages' Markdown emphasis and links as the inline HTML Wagtail's rich text stores."""
    text = html.escape(text, quote=False)
    text = re.sub(r"\*\*\s*\*\*", " ", text)
    text = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r'<a href="\2">\1</a>', text)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    return re.sub(r"\*(.+?)\*", r"<i>\1</i>", text)


def sections(text, level_pattern=r"#{2,3} "):
    """(heading, body) pairs of a Markdown text split at its headings."""
    pieces = re.split(rf"^{level_pattern}(.+)$", text, flags=re.MULTILINE)
    return [(pieces[i].strip(), pieces[i + 1]) for i in range(1, len(pieces) - 1, 2)]


def speaker_of(text):
    outside_quotes = QUOTED.sub(" ", text)
    found = []
    for name, aliases, role in SPEAKERS:
        positions = [m.start() for alias in aliases for m in re.finditer(rf"\b{re.escape(alias)}\b", outside_quotes)]
        if positions:
            found.append((min(positions), name, role))
    return min(found)[1:] if found else None


def join_quotes(spans):
    """One quotation from the spans a paragraph interrupts with 'he said'; a lower-case span continues a sentence."""
    quote = ""
    for span in spans:
        if not quote:
            quote = span
        elif span[0].islower():
            quote = f"{quote}, {span}"
        else:
            quote = f"{quote if quote[-1] in '.!?' else quote + '.'} {span}"
    return quote if not quote or quote[-1] in ".!?" else f"{quote}."


def to_block(paragraph):
    plain = strip_markup(paragraph)
    quote = join_quotes(q.strip().rstrip(",") for q in QUOTED.findall(plain))
    speaker = speaker_of(plain)
    if speaker and len(quote) > 40:
        return Block("quote", quote, attribution=speaker[0], role=speaker[1])
    return Block("paragraph", to_html(paragraph))


def first_sentence(text):
    match = re.match(r"(.+?[.!?])(?=\s+[A-Z“\"]|$)", text)
    return match.group(1) if match else text


def parse_newsletter(text):
    year_match = FULL_DATE.search(text)
    if not year_match:
        raise SourcePageError(f"{NEWSLETTER_FILE}: no full date (e.g. 'October 20, 2007') to date the newsletter by.")
    year = int(year_match.group(3))
    stories, sponsor, contact = [], None, None
    for heading, body in sections(text):
        paras = paragraphs(body)
        if heading.startswith("Sponsors of"):
            sponsor = strip_markup(paras[0]).split(",")[0]
            continue
        if heading.startswith("Harmony Foundation"):
            contact = parse_contact(heading, body)
            continue
        caption = ""
        caption_match = CAPTION.match(paras[0]) if paras else None
        if caption_match and not caption_match.group(1).isupper() and not DATELINE.match(paras[0]):
            caption = f"{caption_match.group(1)} – {strip_markup(caption_match.group(2))}"
            paras = paras[1:]
        dateline_match = DATELINE.match(paras[0]) if paras else None
        if not dateline_match:
            raise SourcePageError(f"{NEWSLETTER_FILE}: the story '{heading}' has no dateline such as '**BEIJING** - '.")
        lead = paras[0][dateline_match.end() :]
        if dateline_match.group(2) is None:
            lead = "**" + lead
        paras[0] = lead
        stories.append(
            NewsStory(
                title=strip_markup(heading),
                dateline=dateline_match.group(1).strip(),
                date=story_date(lead, year),
                summary=first_sentence(strip_markup(lead)),
                caption=caption,
                blocks=[to_block(p) for p in paras],
            )
        )
    if len(stories) < 1 or sponsor is None or contact is None:
        raise SourcePageError(f"{NEWSLETTER_FILE}: expected stories, a sponsors section and contact details.")
    latest = max(story.date for story in stories if story.date)
    for story in stories:
        story.date = story.date or latest
    return stories, sponsor, contact


def story_date(lead, year):
    """The event date a story's lead gives (e.g. 'Saturday, Oct. 20'); stories without one take the newsletter's."""
    match = SHORT_DATE.search(lead)
    return datetime.date(year, MONTHS[match.group(1)], int(match.group(2))) if match else None


def parse_contact(heading, body):
    plain = strip_markup(body)

    def find(label, pattern):
        match = re.search(rf"{label}:\s*({pattern})", plain)
        if not match:
            raise SourcePageError(f"{NEWSLETTER_FILE}: no '{label}:' in the contact details.")
        return match.group(1).strip()

    website = find("Web", r"\S+")
    return Contact(
        organisation_name=heading,
        website=website if website.startswith("http") else f"http://{website}",
        email=find("Email", r"\S+@\S+"),
        phone=find("Phone", r"[\d() -]+\d"),
        fax=find("Fax", r"[\d() -]+\d"),
    )


def split_names(text):
    return [name.strip() for name in re.split(r",\s*|\s+and\s+(?:the\s+)?", text) if name.strip()]


def parse_program(text):
    lines = [line.strip() for line in text.splitlines()]
    nonblank = [line for line in lines if line]
    title = nonblank[0]
    subtitle = " ".join(nonblank[1:4])
    paras = paragraphs(text, rejoin=False)
    body_text = " ".join(paras)

    def need(pattern, what):
        match = re.search(pattern, body_text)
        if not match:
            raise SourcePageError(f"{PROGRAM_FILE}: could not find {what}.")
        return match

    years = need(r"From (\d{4}) to (\d{4})", "the program's years ('From 2006 to 2011')")
    trained = need(
        r"trained (\d+) mayors and vice-mayors, (\d+) Environmental Protection Bureau Managers"
        r" and over (\d+) community leaders",
        "the training figures",
    )
    communities = need(r"more than (\d+) communities", "the number of communities helped")
    partners = need(r"principal collaborators (.+?), we trained", "the principal collaborators")
    donors = need(r"who made this program happen: (.+?)\.", "the donors")

    start = next(i for i, p in enumerate(paras) if p.startswith("With "))
    end = next(i for i, p in enumerate(paras) if p.startswith("Sincere thanks"))
    blocks, items = [], []
    for para in (part for p in paras[start:end] for part in re.split(r"\s+(?=\d+\.\s)", p)):
        numbered = re.match(r"^\d+\.\s+(.+)$", para)
        if numbered:
            items.append(f"<li>{to_html(numbered.group(1))}</li>")
        else:
            blocks.append(Block("paragraph", to_html(para)))
    if items:
        blocks.append(Block("list", "<ol>" + "".join(items) + "</ol>"))

    downloads = parse_downloads(lines[lines.index("About The Program") + 1 : lines.index("Public Education Materials")])
    education = lines[lines.index("Public Education Materials") + 1 : lines.index("Trip Reports")]
    topics = [line[: -len("-EN")].strip() for line in education if line.endswith("-EN")]
    return ProgramSummary(
        title=title,
        subtitle=subtitle,
        start_year=int(years.group(1)),
        end_year=int(years.group(2)),
        figures=[
            (int(trained.group(1)), "", "mayors and vice-mayors trained"),
            (int(trained.group(2)), "", "Environmental Protection Bureau managers trained"),
            (int(trained.group(3)), "+", "community leaders trained"),
            (int(communities.group(1)), "+", "communities helped to carry out action plans"),
        ],
        partners=split_names(partners.group(1)),
        donors=split_names(donors.group(1)),
        blocks=blocks,
        downloads=downloads,
        tip_sheet_topics=topics,
    )


def parse_downloads(lines):
    """Pairs the old site's '-EN' and '-CH'/'CN' files of each document."""
    pairs = {}
    for line in filter(None, lines):
        match = re.match(r"^(.+?)\s*-\s*(EN|CH|CN)\s*(\(.+\))?$", line)
        if not match:
            continue
        name = match.group(1).strip()
        key = re.sub(r"\W+", " ", name).strip().lower()
        entry = pairs.setdefault(key, Download(title=name, english=None, chinese=None))
        if match.group(2) == "EN":
            entry.english = line
        else:
            entry.chinese = line
    return list(pairs.values())
