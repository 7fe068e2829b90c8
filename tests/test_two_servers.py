"""Two app servers behind a load balancer share nothing but the services (tests/two_servers.py): what one is given,
the other serves at once, files included; a schedule is carried out once though each has a task worker; a private
file still needs its login on either."""

import datetime
import time
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, PageLogEntry

import pytest
from django_tasks_db.models import DBTaskResult

from demo.media import landscape_jpeg, text_pdf
from scheduling.tasks import carry_out_schedules

from .factories import publish_article
from .helpers import SyncedApp
from .object_store import bucket_storage, keys
from .two_servers import needs_shared_services, two_servers

pytestmark = [needs_shared_services, pytest.mark.slow, pytest.mark.xdist_group("two_servers")]
PASSWORD = "two-servers-password"


@pytest.fixture(scope="module")
def servers(django_db_setup):
    """Started once the test database exists: they are given its name."""
    with two_servers() as running:
        yield running


@pytest.fixture
def site(servers, committed_demo_site):
    """Servers A and B with no one logged in, and this test's uploads in their bucket."""
    a, b, bucket = servers
    for server in (a, b):
        server.cookies.clear()
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org")
    hasher = PBKDF2PasswordHasher()  # the production settings' (the tests' own is faster, and theirs alone)
    admin.password = hasher.encode(PASSWORD, hasher.salt(), iterations=1000)
    admin.save()
    with bucket_storage(a.environment["AWS_S3_ENDPOINT_URL"], bucket):
        yield a, b, bucket


def path_of(url):
    return urlsplit(url).path


def test_a_file_uploaded_through_a_is_served_and_its_renditions_made_through_b(site):
    a, b, bucket = site
    a.log_in("admin", PASSWORD)
    picture = landscape_jpeg("Community garden")
    uploaded = a.post("/admin/images/multiple/add/", files={"files[]": ("garden.jpg", picture, "image/jpeg")})
    assert uploaded.json()["success"], uploaded.text
    image = get_image_model().objects.get(pk=uploaded.json()["image_id"])
    assert not image.renditions.exists()

    original = b.get(f"/media/{image.file.name}")
    assert original.status_code == 200 and original.content == picture
    answer = b.get(f"/api/v2/images/{image.pk}/").json()
    urls = [path_of(each["url"]) for size in answer["renditions"].values() for each in size.values()]
    fetched = {url: b.get(url) for url in urls}
    assert all(response.status_code == 200 for response in fetched.values())
    assert {response.headers["Content-Type"] for response in fetched.values()} == {
        "image/avif",
        "image/webp",
        "image/jpeg",
    }
    for url, response in fetched.items():
        assert a.get(url).content == response.content  # the file B made, served by A
    made = sorted(rendition.file.name for rendition in image.renditions.all())
    assert len(made) == len(urls) and keys(b.environment["AWS_S3_ENDPOINT_URL"], bucket, "images/") == made
    assert a.media_files() == b.media_files() == []


def test_a_publish_on_a_is_seen_through_b_at_once(site):
    a, b, _ = site
    article = publish_article("Rain gardens planted")
    assert "Rain gardens planted" in b.get(article.url).text
    assert b.get(article.url).headers["X-Cache"] == "hit"  # B keeps its answer in the shared cache
    article.title = "Rain gardens planted in 12 courtyards"
    article.save_revision()  # a draft: readers still get the live title
    assert "in 12 courtyards" not in b.get(article.url).text

    a.log_in("admin", PASSWORD)
    published = a.post(f"/admin/bulk/wagtailcore/page/publish/?id={article.pk}", {"include_descendants": ""})
    assert published.status_code == 302
    assert "Rain gardens planted in 12 courtyards" in b.get(article.url).text


def test_a_sync_token_given_by_a_works_on_b(site):
    a, b, _ = site
    app = SyncedApp(a)
    app.sync()
    article = publish_article("Bike lanes opened")
    app.client = b
    changed, _ = app.sync()
    assert [item["title"] for item in changed if item["kind"] == "page"] == ["Bike lanes opened"]
    assert ("page", article.pk) in app.items


def test_a_scheduled_publish_runs_once_with_a_task_worker_beside_each_server(site, database_tasks):
    article = publish_article("Tree census", publish=False)
    revision = article.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(seconds=2))
    for _ in range(3):  # more of the same task, so that both workers find one at the same moment
        carry_out_schedules.using(run_after=revision.approved_go_live_at).enqueue()
    deadline = time.monotonic() + 60
    while DBTaskResult.objects.exclude(status="SUCCESSFUL").exists() and time.monotonic() < deadline:
        time.sleep(0.25)
    article.refresh_from_db()
    assert article.live and article.live_revision_id == revision.pk
    assert PageLogEntry.objects.filter(page=article, action="wagtail.publish.scheduled").count() == 1
    runs = DBTaskResult.objects.filter(task_path__endswith="carry_out_schedules")
    assert runs.count() == 4 and set(runs.values_list("status", flat=True)) == {"SUCCESSFUL"}


def test_a_private_document_fetched_through_b_still_needs_the_login(site):
    a, b, _ = site
    staff_only = Collection.get_first_root_node().add_child(name="Staff only")
    CollectionViewRestriction.objects.create(collection=staff_only, restriction_type="login")
    minutes = text_pdf("Board minutes", ["Budget for 2027"])
    document = get_document_model()(title="Board minutes", collection=staff_only)
    document.file.save("board-minutes.pdf", ContentFile(minutes), save=False)
    document.save()

    refused = b.get(document.url)
    assert refused.status_code == 302 and "/login/" in refused.headers["Location"]
    assert b.log_in("admin", PASSWORD).get(document.url).content == minutes
    assert a.get(document.url).status_code == 302
