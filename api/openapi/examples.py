"""An example answer for every operation, in the shapes of the components (a test validates each against them)."""

from api.media import RENDITION_FORMATS

SITE = "https://harmony.example"
SLUG = "mayors-work-together-for-sustainable-communities"


def rendition(size, fmt, width, height):
    return {"url": f"{SITE}/media/images/mayors.{size}.format-{fmt}.{fmt}", "width": width, "height": height}


def image():
    sizes = {"thumbnail": (320, 240), "medium": (800, 450), "large": (1600, 900)}
    return {
        "id": 23,
        "title": "Mayors at the training centre",
        "alt": "Mayors listening to a talk",
        "width": 1600,
        "height": 900,
        "focal_point": {"x": 0.62, "y": 0.4, "width": 0.2, "height": 0.3},
        "renditions": {
            size: {fmt: rendition(size, fmt, *dimensions) for fmt in RENDITION_FORMATS}
            for size, dimensions in sizes.items()
        },
        "rendition": None,
    }


def document():
    return {
        "id": 1,
        "title": "Summary of Achievements (EN)",
        "download_url": f"{SITE}/documents/1/summary-of-achievements-en.pdf",
        "file_size": 1098,
        "content_type": "application/pdf",
        "file_extension": "pdf",
    }


def page_summary(page_id=17, locale="en", title="Mayors Work Together for Sustainable Communities"):
    return {
        "id": page_id,
        "type": "news.NewsArticlePage",
        "locale": locale,
        "title": title,
        "html_url": f"{SITE}/{locale}/news/{SLUG}/",
        "detail_url": f"{SITE}/api/v2/pages/{page_id}/",
    }


def page_meta():
    return {
        "type": "news.NewsArticlePage",
        "detail_url": f"{SITE}/api/v2/pages/17/",
        "html_url": f"{SITE}/en/news/{SLUG}/",
        "slug": SLUG,
        "first_published_at": "2007-10-20T02:00:00Z",
        "locale": "en",
    }


def news_article():
    return {
        "id": 17,
        "type": "news.NewsArticlePage",
        "meta": page_meta(),
        "title": "Mayors Work Together for Sustainable Communities",
        "summary": "Forty mayors and vice-mayors trained in sustainable community development.",
        "translations": [page_summary(), page_summary(36, "zh-hans", "市长携手推动可持续社区发展")],
        "dateline": "BEIJING",
        "date": "2007-10-20",
        "lead_image": image(),
        "body": [
            {"type": "paragraph", "value": "<p>Forty mayors met in Beijing.</p>", "id": "7c287d35"},
            {
                "type": "quote",
                "value": {"quote": "A tremendous success.", "attribution": "Wang Zhongping", "role": "Director"},
                "id": "8b777442",
            },
        ],
        "topics": [{"id": 3, "name": "Low Carbon", "slug": "low-carbon"}],
        "related_program": None,
    }


def page_listing():
    item = {key: news_article()[key] for key in ("id", "type", "meta", "title")}
    return {"meta": {"total_count": 38}, "items": [item]}


def page_reference():
    return {"id": 17, "type": "news.NewsArticlePage", "detail_url": f"{SITE}/api/v2/pages/17/"}


def media_item(item, type_value, endpoint):
    meta = {"type": type_value, "detail_url": f"{SITE}/api/v2/{endpoint}/{item['id']}/", "tags": []}
    return {**item, "meta": meta}


def image_item():
    return media_item(image(), "wagtailimages.Image", "images")


def document_item():
    return media_item(document(), "wagtaildocs.Document", "documents")


def search_results():
    hit = {
        **page_summary(),
        "title_highlighted": "<mark>Mayors</mark> Work Together for Sustainable Communities",
        "snippet": "Forty <mark>mayors</mark> met in Beijing.",
    }
    return {
        "meta": {
            "total_count": 1,
            "total_is_lower_bound": False,
            "page": 1,
            "pages": 1,
            "query": "mayors",
            "locale": "en",
            "backend": "elasticsearch",
        },
        "items": [hit],
        "facets": {
            "kind": [{"value": "news", "label": "news articles", "count": 1, "selected": False}],
            "year": [{"value": 2007, "label": "2007", "count": 1, "selected": False}],
        },
        "suggestions": [],
        "did_you_mean": None,
    }


def suggestions():
    return {"suggestions": ["Water Conservation tips", "Saving energy and water, one building at a time"]}


def sync_answer():
    page = {
        "kind": "page",
        **page_summary(),
        "last_published_at": "2026-05-01T08:30:00Z",
        "changed_at": "2026-05-01T08:30:00Z",
    }
    document_change = {
        "kind": "document",
        **document(),
        "type": "wagtaildocs.Document",
        "detail_url": f"{SITE}/api/v2/documents/1/",
        "changed_at": "2026-05-01T08:29:00Z",
    }
    signed = "eyJsb2NhbGUiOiIiLCJzaW5jZSI6NDJ9:1uAbCd:signature"
    return {
        "items": [document_change, page],
        "removed": [{"kind": "page", "id": 21}],
        "next_page_token": None,
        "next_page_url": None,
        "next_sync_token": signed,
        "next_sync_url": f"{SITE}/api/v2/sync/?token={signed}",
    }
