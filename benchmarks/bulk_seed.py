"""A seeder for the scale benchmark: the demo site grown to any number of pages (100,000 in minutes).

News articles are written in batches, each in one transaction, with bulk inserts instead of a save per page:
- the page tree: each article gets the next treebeard path under its language's news index, and the index's
  child count follows;
- translations: each English article has a Chinese translation with the same translation key (made directly, as
  wagtail-localize's synced copy would be, without its source records);
- the change record the sync endpoint reads (delivery.change_record.record_pages, as a publish does);
- the search indexes: Wagtail's database backend (add_bulk, as `update_index` does), the spelling vocabulary
  (search.vocabulary.count_pages, as the task after a publish does) and the reference index.
The text of each article is one of the demo's articles, numbered, so that searches find them.
"""

import datetime
import time
import uuid

BATCH = 1000


def grow_to(total_pages, progress=print):
    """Adds English and Chinese news articles until the site has `total_pages` pages; returns the number."""
    from django.core.management import call_command

    from wagtail.models import Page

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)  # does nothing when the demo site is there
    started, count = time.perf_counter(), Page.objects.count()
    while count < total_pages:
        pairs = min(BATCH, (total_pages - count + 1) // 2)
        add_articles(pairs)
        count += 2 * pairs
        elapsed = time.perf_counter() - started
        progress(f"  {count} pages ({elapsed:.0f} s)", flush=True)
    return Page.objects.count()


def add_articles(pairs):
    """`pairs` new articles in English, each with its Chinese translation, in one transaction."""
    from django.db import transaction

    from wagtail.models import Locale, ReferenceIndex
    from wagtail.search.backends import get_search_backend

    from delivery.change_record import record_pages
    from news.models import NewsArticlePage, NewsIndexPage
    from resources.snippets import PageTopic
    from search.facts import database_backend
    from search.vocabulary import count_pages

    english = NewsIndexPage.objects.get(locale__language_code="en")
    chinese = english.get_translation(Locale.objects.get(language_code="zh-hans"))
    templates = list(NewsArticlePage.objects.filter(locale=english.locale).exclude(slug__startswith="bulk-"))
    translations = NewsArticlePage.objects.filter(
        locale=chinese.locale, translation_key__in=[template.translation_key for template in templates]
    )  # the demo's, not the thousands seeded before
    translated = {page.translation_key: page for page in translations}
    first = NewsArticlePage.objects.filter(slug__startswith="bulk-", locale=english.locale).count()
    with transaction.atomic():
        articles = []
        for number in range(first, first + pairs):
            template = templates[number % len(templates)]
            key = uuid.uuid4()
            for index, source in ((english, template), (chinese, translated[template.translation_key])):
                articles.append(article_like(source, index, number, key))
        place_in_tree(articles)
        insert_pages(NewsArticlePage, articles)
        topics = {link.page_id: link.topic_id for link in PageTopic.objects.filter(page__in=templates)}
        PageTopic.objects.bulk_create(
            [PageTopic(page_id=a.pk, topic_id=topics[a.source_id]) for a in articles if a.source_id in topics]
        )
        ids = [article.pk for article in articles]
        record_pages(NewsArticlePage.objects.filter(pk__in=ids))
        saved = list(NewsArticlePage.objects.filter(pk__in=ids).select_related("locale"))
        get_search_backend(database_backend()).add_bulk(NewsArticlePage, saved)
        count_pages(ids)
        for article in saved:
            ReferenceIndex.create_or_update_for_object(article)


def article_like(source, index, number, translation_key):
    """An unsaved live article under `index` with the text of `source`, numbered."""
    from news.models import NewsArticlePage

    published = datetime.datetime(2016, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(hours=number)
    title = f"{source.title} ({number})"
    article = NewsArticlePage(
        title=title,
        draft_title=title,
        slug=f"bulk-{number}",
        locale_id=index.locale_id,
        translation_key=translation_key,
        summary=source.summary,
        dateline=source.dateline,
        date=published.date(),
        lead_image_id=source.lead_image_id,
        lead_image_caption=source.lead_image_caption,
        body=source.body,
        related_program_id=source.related_program_id,
        live=True,
        has_unpublished_changes=False,
        first_published_at=published,
        last_published_at=published,
    )
    article.parent, article.source_id = index, source.pk
    return article


def place_in_tree(pages):
    """Gives each page the next path under its parent (treebeard's materialised path) and its URL path, and counts
    them in the parents' numchild."""
    from django.db.models import F

    from wagtail.models import Page

    for parent in {page.parent.pk: page.parent for page in pages}.values():
        children = [page for page in pages if page.parent.pk == parent.pk]
        last = parent.get_last_child()
        step = int(last.path[-Page.steplen :], 36) if last else 0
        for page in children:
            step += 1
            page.path, page.depth, page.numchild = parent.path + base36(step, Page.steplen), parent.depth + 1, 0
            page.url_path = f"{parent.url_path}{page.slug}/"
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(children))


def base36(number, width):
    digits = ""
    while number:
        number, digit = divmod(number, 36)
        digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[digit] + digits
    return digits.rjust(width, "0")


def insert_pages(model, pages):
    """Inserts pages of a page type with one table below Page's: Page's rows with bulk_create, then the type's own
    rows. Django refuses bulk_create for multi-table models, so the second insert is its lower-level _insert."""
    from django.db import router

    from wagtail.models import Page

    base_fields = [field.attname for field in Page._meta.concrete_fields if not field.primary_key]
    bases = [Page(**{name: getattr(page, name) for name in base_fields}) for page in pages]
    Page.objects.bulk_create(bases)
    for page, base in zip(pages, bases, strict=True):
        page.page_ptr_id = page.pk = page.id = base.pk
    own_fields = list(model._meta.local_concrete_fields)
    model._base_manager._insert(pages, fields=own_fields, using=router.db_for_write(model))
