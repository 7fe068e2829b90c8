"""Translation batch benchmark: what the translation memory fills on the demo, and the time to submit and
machine-translate a 100-page batch against doing the same page by page with wagtail-localize.

    .venv/bin/python benchmarks/batches.py [--pages 100] [--rounds 2]
    BENCH_DATABASE_URL=postgres://... .venv/bin/python benchmarks/batches.py

Seeds the demo site (SQLite in a temporary folder, or BENCH_DATABASE_URL). The memory share: every Chinese content
page of the demo is deleted with its translation records, as if its English page were new, and all of them are
submitted again as one batch; the share is the strings the memory filled over the batch's strings. The timing:
`--pages` new English articles (the demo's paragraphs, reshuffled) are translated in rounds that alternate which
comes first: as one batch (submit, then the machine-translation task run in this process), and page by page as
wagtail-localize's Translate action and its "Translate with machine" button do. The machine translator is the
development one (glossary only, no network); with DeepL the provider's own time comes on top of both.
"""

import argparse
import json
import tempfile

from common import bench_env, run_django

MEASURE = """
import json, time, datetime
from django.conf import settings
from django.db import transaction
from django.utils.html import strip_tags
from wagtail.models import Locale, Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.operations import translate_object
from wagtail_localize.views.edit_translation import apply_machine_translation
from batches.machine import translate_batch
from batches.submitting import submit_batch
from news.models import NewsArticlePage
from tests.batch_helpers import forget_chinese
from tests.factories import make_staff, publish_article

pages, rounds = {pages}, {rounds}
settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = settings.DEVELOPMENT_MACHINE_TRANSLATOR
admin = make_staff("admin")
zh = Locale.objects.get(language_code="zh-hans")
due = datetime.date(2099, 1, 1)

def strings_of(batch):
    return StringSegment.objects.filter(source__translations__in=[i.translation for i in batch.items.all()]).count()

english = list(Page.objects.filter(locale=Locale.get_default(), depth__gte=4).order_by("path").specific())
forget_chinese(english)
again = submit_batch(admin, english, name="Demo again", due_date=due, locale=zh)
share = {{"pages": len(english), "filled": again.memory_filled, "strings": strings_of(again)}}

english_articles = NewsArticlePage.objects.filter(locale=Locale.get_default())
paragraphs = [strip_tags(b.value.source) for a in english_articles for b in a.body if b.block_type == "paragraph"]

def new_articles(tag):
    made = []
    for n in range(pages):
        text = " ".join(paragraphs[(n + k) % len(paragraphs)] for k in range(2))
        made.append(publish_article(f"Bench {{tag}} {{n}}", slug=f"bench-{{tag}}-{{n}}", text=text))
    return made

def as_batch(articles):
    batch = submit_batch(admin, articles, name="Bench", due_date=due, locale=zh)
    translate_batch.call(batch_id=batch.pk)

def page_by_page(articles):
    translator = get_machine_translator()
    for article in articles:
        translate_object(article, [zh], user=admin)
        translation = Translation.objects.get(source__object_id=article.translation_key, target_locale=zh)
        apply_machine_translation(translation.id, admin, translator)

timings = {{"batch": [], "pages": []}}
for round_number in range(rounds):
    order = ["batch", "pages"] if round_number % 2 == 0 else ["pages", "batch"]
    for way in order:
        articles = new_articles(f"{{round_number}}{{way}}")
        started = time.perf_counter()
        with transaction.atomic():
            (as_batch if way == "batch" else page_by_page)(articles)
        timings[way].append(time.perf_counter() - started)
print(json.dumps({{"share": share, "timings": timings}}))
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        env = bench_env(workdir, BACKGROUND_TASKS="false", LOG_LEVEL="ERROR")
        run_django("from benchmarks.seed import seed_news\nseed_news(0)", env)
        code = MEASURE.format(pages=args.pages, rounds=args.rounds)
        result = json.loads(run_django(code, env).strip().splitlines()[-1])
    share = result["share"]
    print(
        f"memory on the demo submitted again: {share['filled']} of {share['strings']} strings filled "
        f"({share['filled'] / share['strings']:.0%}) over {share['pages']} pages"
    )
    batch, pages = (min(result["timings"][key]) for key in ("batch", "pages"))
    print(f"{args.pages} pages as one batch (submit + machine translation): {batch:6.1f} s (best of {args.rounds})")
    print(f"{args.pages} pages one by one (Translate + machine button):     {pages:6.1f} s", end="")
    print(f"   batch/pages {batch / pages:.2f}")


if __name__ == "__main__":
    main()
