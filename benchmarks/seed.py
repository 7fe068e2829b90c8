"""Bulk demo-like content for the benchmarks: news articles in both languages, with lead images."""

import datetime
import io
import time


def seed_news(per_language, topics_cycle=None):
    """The demo site plus `per_language` articles in English and their Chinese translations (created directly,
    without wagtail-localize, for speed). Their text cycles through the demo articles so searches find them."""
    from django.core.files.images import ImageFile
    from django.core.management import call_command

    from wagtail.images import get_image_model
    from wagtail.models import Locale

    from demo.media import landscape_jpeg
    from news.models import NewsArticlePage, NewsIndexPage

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    english_index = NewsIndexPage.objects.get(locale__language_code="en")
    existing = NewsArticlePage.objects.filter(slug__startswith="bench-", locale=english_index.locale).count()
    if existing >= per_language:
        return
    chinese = Locale.objects.get(language_code="zh-hans")
    images = []
    for number in range(20):
        image = get_image_model()(
            title=f"Bench {number}", file=ImageFile(io.BytesIO(landscape_jpeg(str(number))), name=f"bench{number}.jpg")
        )
        image.save()
        images.append(image)
    templates = list(NewsArticlePage.objects.filter(locale=english_index.locale).exclude(slug__startswith="bench-"))
    started = time.perf_counter()
    for number in range(existing, per_language):
        template = templates[number % len(templates)]
        template_zh = template.get_translation(chinese)
        article = NewsArticlePage(
            title=f"{template.title} ({number})",
            slug=f"bench-{number}",
            summary=template.summary,
            dateline=template.dateline,
            date=datetime.date(2007, 1, 1) + datetime.timedelta(days=number % 1800),
            lead_image=images[number % len(images)],
            body=template.body.raw_data,
            live=True,
        )
        english_index.add_child(instance=article)
        translation = article.copy_for_translation(chinese)
        translation.title = f"{template_zh.title}（{number}）"
        translation.summary = template_zh.summary
        translation.dateline = template_zh.dateline
        translation.body = template_zh.body.raw_data
        translation.live = True
        translation.save()
    print(f"seeded {2 * (per_language - existing)} articles in {time.perf_counter() - started:.0f} s", flush=True)
