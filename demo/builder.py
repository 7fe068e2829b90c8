"""Builds the demo site from the organisation's parsed source pages: English pages first, then their Chinese
translations made through wagtail-localize (a TranslationSource with string translations from the demo catalog),
so every Chinese page stays linked to its English source.

Every step looks for what an earlier run made before creating anything, so running it again changes nothing.
"""

import io
import re

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from glossary.models import GlossaryTerm
from home.models import ContactSettings, HomePage, HomePageFeature
from news.models import NewsArticlePage, NewsIndexPage
from resources.models import (
    Organization,
    ProgramOrganization,
    ProgramPage,
    ResourceIndexPage,
    SuccessStoryPage,
    TipSheetPage,
    Topic,
)
from resources.snippets import PageTopic

from . import content, media
from .glossary import GLOSSARY, glossary_catalog
from .source_pages import SOURCE_DIR, Block, load_source_pages
from .translating import CATALOG_PATH, DemoTranslator, load_catalog


class DemoContentError(Exception):
    """The demo cannot be built as asked; nothing has been changed."""


def build_demo_site(source_dir=SOURCE_DIR, log=print, missing_po=None):
    """Builds (or completes) the demo site; returns the number of objects created."""
    builder = DemoSiteBuilder(load_source_pages(source_dir), demo_catalog(), log)
    try:
        with transaction.atomic():
            builder.build()
            if builder.missing:
                if missing_po:
                    builder.write_missing(missing_po)
                raise DemoContentError(
                    f"{len(builder.missing)} strings have no Chinese translation in {CATALOG_PATH.name}, "
                    f"e.g. {next(iter(builder.missing))!r}."
                )
    except BaseException:
        builder.remove_written_files()
        raise
    return builder.created


def demo_catalog():
    """The demo catalog with the glossary's Chinese strings; a string both translate must agree."""
    catalog, glossary = load_catalog(), glossary_catalog()
    disagreeing = [msgid for msgid, text in glossary.items() if catalog.get(msgid, text) != text]
    if disagreeing:
        raise DemoContentError(f"The glossary and {CATALOG_PATH.name} translate {disagreeing[0]!r} differently.")
    return {**catalog, **glossary}


class DemoSiteBuilder(DemoTranslator):
    def __init__(self, source, catalog, log):
        self.source = source
        self.catalog = catalog
        self.log = log
        self.created = 0
        self.missing = {}
        self.written_files = []
        self.en = Locale.objects.get(language_code="en")
        self.zh = Locale.objects.get(language_code="zh-hans")

    # -- English content -------------------------------------------------------------------------

    def build(self):
        topics = self.build_topics()
        glossary = self.build_glossary()
        home = self.build_home()
        news_index = self.child_page(
            home,
            NewsIndexPage,
            "news",
            title=content.SITE["news_title"],
            summary=content.SITE["news_summary"],
            show_in_menus=True,
        )
        resource_index = self.child_page(
            home,
            ResourceIndexPage,
            "resources",
            title=content.SITE["resources_title"],
            summary=content.SITE["resources_summary"],
            show_in_menus=True,
        )
        program = self.build_program(resource_index, topics)
        stories = [self.build_success_story(resource_index, topics, story) for story in content.SUCCESS_STORIES]
        tip_sheets = self.build_tip_sheets(resource_index, topics)
        articles = self.build_news(news_index, topics, program)
        if not home.featured_pages.exists():
            home.featured_pages = [HomePageFeature(page=page) for page in (program, stories[0], tip_sheets[-1])]
            home.save_revision().publish()
        self.build_contact_settings()

        for snippet in [*topics.values(), *Organization.objects.filter(locale=self.en), *glossary]:
            self.translate(snippet)
        for page in [home, news_index, resource_index, program, *stories, *tip_sheets, *articles]:
            self.translate(page)

    def build_topics(self):
        topics = {}
        for slug, name in content.TOPICS:
            topic = Topic.objects.filter(locale=self.en, slug=slug).first()
            if topic is None:
                topic = Topic(locale=self.en, slug=slug, name=name)
                self.save_snippet(topic)
            topics[slug] = topic
        return topics

    def build_glossary(self):
        terms = []
        for term, synonyms, _chinese, _chinese_synonyms, note, _chinese_note in GLOSSARY:
            glossary_term = GlossaryTerm.objects.filter(locale=self.en, term=term).first()
            if glossary_term is None:
                glossary_term = GlossaryTerm(locale=self.en, term=term, synonyms=synonyms, note=note)
                self.save_snippet(glossary_term)
            terms.append(glossary_term)
        return terms

    def build_home(self):
        home = HomePage.objects.filter(locale=self.en, depth=2).first()
        if home is None:
            home = HomePage(
                title=content.SITE["home_title"],
                slug="harmony",
                locale=self.en,
                hero_text=content.SITE["hero_text"],
                hero_image=self.image("Hero: communities in China", "home-hero", "low-carbon"),
                summary=content.SITE["home_summary"],
                intro=content.SITE["home_intro"],
                organisation_name=self.source.contact.organisation_name,
            )
            Page.get_first_root_node().add_child(instance=home)
            home.save_revision().publish()
            self.created += 1
        site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", is_default_site=True)
        if site.root_page_id != home.pk or not site.site_name:
            placeholder = site.root_page if site.pk and site.root_page_id != home.pk else None
            site.root_page = home
            site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME  # the dashboard's title, not "localhost"
            site.save()
            if placeholder and type(placeholder.specific) is Page and not placeholder.get_children().exists():
                placeholder.delete()  # Wagtail's "Welcome to your new Wagtail site!" page
        return home

    def build_contact_settings(self):
        contact = self.source.contact
        site = Site.objects.get(is_default_site=True)
        ContactSettings.objects.update_or_create(
            site=site,
            defaults={
                "website": contact.website,
                "email": contact.email,
                "phone": contact.phone,
                "fax": contact.fax,
            },
        )

    def build_program(self, parent, topics):
        program = self.source.program
        existing = ProgramPage.objects.child_of(parent).filter(slug=slugify(program.title)).first()
        if existing:
            return existing
        links = [ProgramOrganization(organization=self.organization(name), role="partner") for name in program.partners]
        links += [ProgramOrganization(organization=self.organization(name), role="donor") for name in program.donors]
        links.append(ProgramOrganization(organization=self.organization(self.source.sponsor), role="sponsor"))
        downloads = []
        for download in program.downloads:
            document = self.document(download.english or download.chinese)
            downloads.append(("document", {"document": document, "title": download.title}))
        return self.child_page(
            parent,
            ProgramPage,
            slugify(program.title),
            title=program.title,
            summary=program.subtitle,
            start_year=program.start_year,
            end_year=program.end_year,
            image=self.image(f"Program: {program.title}", "program", "low-carbon"),
            figures=[("figure", {"number": n, "suffix": s, "label": label}) for n, s, label in program.figures],
            body=[self.stream_block(block) for block in program.blocks],
            organizations=links,
            topic_links=[
                PageTopic(topic=topics[slug])
                for slug in (
                    "waste-management",
                    "organic-food",
                    "energy-efficiency",
                    "water-conservation",
                    "economic-opportunity",
                )
            ],
            downloads=downloads,
        )

    def build_success_story(self, parent, topics, story):
        outcomes = [
            *story["outcomes"],
            *((n, s, f"{label} (illustrative)") for n, s, label in story["illustrative_outcomes"]),
        ]
        return self.child_page(
            parent,
            SuccessStoryPage,
            story["slug"],
            title=story["title"],
            summary=story["summary"],
            community=story["community"],
            city=story["city"],
            province=story["province"],
            year=story["year"],
            topic_links=[PageTopic(topic=topics[story["topic"]])],
            photo=self.image(f"Success story: {story['title']}", story["slug"], story["topic"]),
            photo_caption=story["caption"],
            outcomes=[("figure", {"number": n, "suffix": s, "label": label}) for n, s, label in outcomes],
            body=[("paragraph", RichText(f"<p>{text}</p>")) for text in story["body"]],
        )

    def build_tip_sheets(self, parent, topics):
        sheets = []
        names = dict(content.TOPICS)
        for topic_name in self.source.program.tip_sheet_topics:
            slug = slugify(topic_name)
            if slug not in content.TIP_SHEETS:
                raise DemoContentError(f"The source pages list a tip sheet on '{topic_name}' but the demo has no tips.")
            sheet = content.TIP_SHEETS[slug]
            title = content.TIP_SHEET_TITLE.format(topic=names[slug])
            tips = [("tip", {"title": tip_title, "text": text, "image": None}) for tip_title, text in sheet["tips"]]
            sheets.append(
                self.child_page(
                    parent,
                    TipSheetPage,
                    slug,
                    title=title,
                    summary=content.TIP_SHEET_SUMMARY.format(topic=names[slug].lower()),
                    topic_links=[PageTopic(topic=topics[slug])],
                    intro=sheet["intro"],
                    image=self.image(f"Tip sheet: {title}", slug, slug),
                    tips=tips,
                    pdf=self.document(f"{topic_name}-EN"),
                )
            )
        return sheets

    def build_news(self, parent, topics, program):
        articles = []
        for position, story in enumerate(self.source.stories):
            slug = slugify(story.title)[:80]
            lead_image = self.image(f"News: {story.title}"[:255], slug) if story.caption else None
            articles.append(
                self.child_page(
                    parent,
                    NewsArticlePage,
                    slug,
                    title=story.title,
                    summary=story.summary,
                    dateline=story.dateline,
                    date=story.date,
                    lead_image=lead_image,
                    lead_image_caption=story.caption,
                    body=[self.stream_block(block) for block in story.blocks],
                    topic_links=[PageTopic(topic=topics[s]) for s in content.STORY_TOPICS.get(position, [])],
                    related_program=program,
                )
            )
        return articles

    def stream_block(self, block: Block):
        if block.kind == "quote":
            return ("quote", {"quote": block.value, "attribution": block.attribution, "role": block.role})
        if block.kind == "list":
            return ("paragraph", RichText(block.value))
        return ("paragraph", RichText(f"<p>{block.value}</p>"))

    # -- building blocks -------------------------------------------------------------------------

    def child_page(self, parent, model, slug, **fields):
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            page = model(slug=slug, locale=self.en, **fields)
            parent.add_child(instance=page)
            page.save_revision().publish()
            self.created += 1
            self.log(f"Created {model._meta.verbose_name} “{page.title}”")
        return page

    def image(self, title, seed, topic=""):
        image_model = get_image_model()
        image = image_model.objects.filter(title=title).first()
        if image is None:
            image = self.save_image(title, f"{slugify(seed)[:60]}.jpg", media.landscape_jpeg(seed, topic))
        return image

    def save_snippet(self, snippet):
        snippet.save()
        snippet.save_revision().publish()
        self.created += 1

    def save_image(self, title, filename, data):
        image = get_image_model()(
            title=title, description=title.split(": ", 1)[-1], file=ImageFile(io.BytesIO(data), name=filename)
        )
        image.save()
        self.written_files.append(image.file)
        self.created += 1
        return image

    def document(self, label):
        """The PDF the old site offered under this label (e.g. 'Low Carbon-EN'), in the label's language."""
        document_model = get_document_model()
        document = document_model.objects.filter(title=label).first()
        if document is None:
            in_english = label.endswith("-EN")
            title, lines = self.pdf_content(label, lambda text: text if in_english else self.catalog.get(text, text))
            document = document_model(title=label)
            document.file.save(f"{slugify(label)}.pdf", ContentFile(media.text_pdf(title, lines)), save=False)
            self.written_files.append(document.file)
            document.save()
            self.created += 1
        return document

    def pdf_content(self, label, translate):
        """Title and lines of the PDF behind a label, each text passed through `translate`."""
        topic = slugify(re.sub(r"-(EN|CH)$", "", label))
        if topic in content.TIP_SHEETS:
            sheet = content.TIP_SHEETS[topic]
            title = content.TIP_SHEET_TITLE.format(topic=dict(content.TOPICS)[topic])
            return translate(title), [
                translate(sheet["intro"]),
                *(translate(text) for tip in sheet["tips"] for text in tip),
            ]
        program = self.source.program
        figures = [f"{number}{suffix} {translate(text)}" for number, suffix, text in program.figures]
        return translate(program.title), [translate(program.subtitle), *figures]

    def organization(self, name):
        organization = Organization.objects.filter(locale=self.en, name=name).first()
        if organization is None:
            acronym = re.search(r"\(([A-Z]+)\)", name)
            initials = acronym.group(1) if acronym else "".join(w[0] for w in name.split() if w[0].isupper())[:4]
            website = self.source.contact.website if name == self.source.contact.organisation_name else ""
            organization = Organization(locale=self.en, name=name, website=website)
            organization.logo = self.save_image(
                f"Logo: {name}", f"logo-{slugify(name)[:50]}.png", media.logo_png(initials, name)
            )
            self.save_snippet(organization)
        return organization

    # -- housekeeping ----------------------------------------------------------------------------

    def remove_written_files(self):
        for file in self.written_files:
            file.storage.delete(file.name)
