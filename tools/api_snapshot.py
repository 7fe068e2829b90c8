"""Captures every public API response of a freshly built demo site, to prove a refactoring changed none of them.

    .venv/bin/python tools/api_snapshot.py before.json     # on the old code
    .venv/bin/python tools/api_snapshot.py after.json      # on the new code
    diff before.json after.json                            # nothing, or the difference

Builds the demo site in a temporary SQLite database, requests the listings (both languages, every field), every
page, image and document, the schema, search and find, and writes status, content type and body of each. Publish
times and stream block ids are the only values that differ between two builds; they are replaced by placeholders.
"""

import json
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")
BLOCK_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

LISTINGS = [
    "/api/v2/pages/?limit=100",
    "/api/v2/pages/?locale=en&fields=*&limit=100&type=news.NewsArticlePage",
    "/api/v2/pages/?locale=zh-hans&fields=*&limit=100&type=news.NewsArticlePage",
    "/api/v2/pages/?locale=zh-hans&fields=*&limit=100&type=resources.TipSheetPage",
    "/api/v2/pages/?locale=en&fields=*&limit=100&type=resources.ProgramPage",
    "/api/v2/pages/?locale=zh-hans&fields=*&limit=100&type=resources.SuccessStoryPage",
    "/api/v2/pages/?topic=water-conservation&locale=en",
    "/api/v2/pages/?search=water&limit=10",
    "/api/v2/pages/?type=news.NewsArticlePage&date_from=2007-10-21&date_to=2007-10-31",
    "/api/v2/pages/find/?html_path=/zh-hans/resources/water-conservation/",
    "/api/v2/pages/?limit=abc",
    "/api/v2/pages/999999/",
    "/api/v2/images/?limit=100",
    "/api/v2/documents/?limit=100",
    "/api/v2/search/?q=water",
    "/api/v2/search/?q=节水&locale=zh-hans",
    "/api/v2/search/suggest/?q=wat&locale=en",
    "/api/schema/",
]


def main(out):
    workdir = Path(tempfile.mkdtemp(prefix="cms-api-snapshot-"))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        ELASTICSEARCH_URL="",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    details = {
        "pages": Page.objects.filter(depth__gt=1),
        "images": get_image_model().objects.all(),
        "documents": get_document_model().objects.all(),
    }
    urls = [
        *LISTINGS,
        *(
            f"/api/v2/{name}/{pk}/"
            for name, items in details.items()
            for pk in items.order_by("pk").values_list("pk", flat=True)
        ),
    ]
    client = Client()
    snapshot = {}
    for url in urls:
        response = client.get(url)
        body = BLOCK_ID.sub("<block id>", TIMESTAMP.sub("<time>", response.content.decode()))
        snapshot[url] = {"status": response.status_code, "type": response.get("Content-Type"), "body": body}
    Path(out).write_text(json.dumps(snapshot, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{len(snapshot)} responses written to {out}")


if __name__ == "__main__":
    main(sys.argv[1])
