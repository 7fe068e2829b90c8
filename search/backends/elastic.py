"""Search on Elasticsearch through the elasticsearch-dsl index in search/documents.py."""

import time

from django.conf import settings

from wagtail.models import Page

from elasticsearch.helpers import BulkIndexError, bulk
from elasticsearch_dsl import Q, Search

from home.content import content_kinds
from home.text import CJK_RUN, page_body_text
from home.visibility import readers
from search import engine
from search.documents import PageDocument, alias_name, building_alias_name
from search.facts import page_facts

from .base import SearchHit, SearchResults


def to_document(page):
    """The index document of a live page (its own language's fields filled)."""
    title_field, body_field = PageDocument.language_fields(page.locale.language_code)
    facts = page_facts(page)
    document = PageDocument(
        page_id=page.pk,
        locale=page.locale.language_code,
        kind=facts["kind"],
        topics=facts["topics"],
        year=facts["year"],
        date=facts["date"],
        title_suggest=page.title,
    )
    setattr(document, title_field, page.title)
    setattr(document, body_field, page_body_text(page))
    return document


class ElasticsearchSearch:
    name = "elasticsearch"

    def __init__(self, connection=None):
        self.connection = connection or engine.client()

    # -- reading -------------------------------------------------------------------------------------

    def search(self, request):
        """The page of results asked for, among the first SEARCH_MAX_MATCHES matches, which are also all that is
        counted exactly and faceted (the best of them, through a sampler): counting and faceting every match of a
        common word cost a look at half the site."""
        bound = settings.SEARCH_MAX_MATCHES
        search = self.query(request).extra(track_total_hits=bound)
        best = search.aggs.bucket("best", "sampler", shard_size=bound)
        best.bucket("kind", "terms", field="kind", size=len(content_kinds()))
        best.bucket("topic", "terms", field="topics", size=50)
        best.bucket("year", "terms", field="year", size=50, order={"_key": "desc"})
        search = search[min(request.offset, bound) : min(request.offset + request.page_size, bound)]
        response = search.execute()

        total = response.hits.total  # exact up to the bound, else the bound and "gte"
        results = SearchResults(request=request, backend=self.name, total=total.value)
        results.total_is_lower_bound = total.relation == "gte"
        results.facets = {
            name: {bucket.key: bucket.doc_count for bucket in getattr(response.aggregations.best, name).buckets}
            for name in ("kind", "topic", "year")
        }
        results.hits = SearchHit.for_pages([hit.page_id for hit in response], request.terms)
        return results

    def ranked_ids(self, request, limit):
        return [hit.page_id for hit in self.query(request).source(["page_id"])[:limit].execute()]

    def query(self, request):
        """The search a request asks for, in the order readers get its results."""
        languages = request.languages
        fields = [
            f
            for language in languages
            for f in (f"{t}^3" if t.startswith("title") else t for t in PageDocument.language_fields(language))
        ]
        matches = [Q("multi_match", query=request.query, fields=fields, type="best_fields")]
        english = [f.replace("_en", "_en.plain", 1) for f in fields if f.split("^")[0].endswith("_en")]
        if english:  # typos in English words, up to two edits from five letters on ("convervation", "efficency")
            matches.append(Q("multi_match", query=request.query, fields=english, fuzziness="AUTO:3,5", prefix_length=1))
        matches += [Q("multi_match", query=form, fields=fields, type="phrase", boost=2) for form in request.synonyms]
        if runs := CJK_RUN.findall(request.query):  # its characters in sequence, below the words they form
            # In pairs where it has them: a pair is rarer than either character, so the engine checks the positions
            # of fewer pages (a ten-character name at 100,000 pages: 28 ms as characters, 23 as pairs).
            analysed_as = "_zh.chars" if any(len(run) == 1 for run in runs) else "_zh"
            chinese = [f.replace("_zh", analysed_as, 1) for f in fields if f.split("^")[0].endswith("_zh")]
            if chinese:
                matches.append(Q("multi_match", query=request.query, fields=chinese, type="phrase", boost=0.5))
        filters = [Q("terms", locale=list(languages))]
        if request.kind:
            filters.append(Q("term", kind=request.kind))
        if request.topic:
            filters.append(Q("term", topics=request.topic))
        if request.year:
            filters.append(Q("term", year=request.year))
        search = Search(using=self.connection, index=alias_name()).query(
            Q("bool", should=matches, minimum_should_match=1, filter=filters)
        )
        if request.sort == "date":
            search = search.sort({"date": {"order": "desc", "missing": "_last"}}, "_score")
        return search

    def suggest(self, prefix, language, limit=8):
        search = (
            Search(using=self.connection, index=alias_name())
            .query(Q("match", title_suggest={"query": prefix, "operator": "and"}))
            .filter("term", locale=language)
            .source(["page_id"])[:limit]
        )
        ids = [hit.page_id for hit in search.execute()]
        titles = dict(readers().pages(Page.objects.filter(pk__in=ids)).values_list("pk", "title"))
        return [titles[page_id] for page_id in ids if page_id in titles]

    # -- writing -------------------------------------------------------------------------------------
    # Updates go through aliases with require_alias, so that nothing ever creates a stray index: to the readers'
    # alias, and while a rebuild runs, to the alias of the index it fills too. There a removed page is written as
    # a tombstone (a document without a locale, which no search matches), so that the rebuild, which only creates
    # documents that are not there yet, cannot bring back a page read before it was removed.

    def ensure_index(self):
        """Creates a first index behind the alias if there is none yet."""
        if not self.connection.indices.exists_alias(name=alias_name()):
            name = self.create_index()
            self.connection.indices.put_alias(index=name, name=alias_name())

    def create_index(self):
        name = f"{alias_name()}_{time.strftime('%Y%m%d%H%M%S')}_{time.time_ns() % 1_000_000}"
        PageDocument._index.clone(name=name).create(using=self.connection)
        return name

    def rebuilding(self):
        return self.connection.indices.exists_alias(name=building_alias_name())

    def index_pages(self, pages):
        targets = [alias_name()] + ([building_alias_name()] if self.rebuilding() else [])
        documents = [(page.pk, to_document(page).to_dict()) for page in pages]
        self.write([{"_index": t, "_id": pk, "_source": source} for t in targets for pk, source in documents])

    def remove_pages(self, page_ids):
        actions = [{"_op_type": "delete", "_index": alias_name(), "_id": page_id} for page_id in page_ids]
        if self.rebuilding():
            actions += [{"_index": building_alias_name(), "_id": pk, "_source": {"page_id": pk}} for pk in page_ids]
        self.write(actions)

    def write(self, actions, refresh=True):
        """Sends the actions in one bulk request; raises on any failure but a delete of what is not there or a
        rebuild's create of what an update wrote first."""
        _count, errors = bulk(self.connection, actions, raise_on_error=False, refresh=refresh, require_alias=True)
        failures = [
            error
            for error in errors
            if not any(
                (op == "delete" and item.get("status") == 404) or (op == "create" and item.get("status") == 409)
                for op, item in error.items()
            )
        ]
        if failures:
            raise BulkIndexError(f"{len(failures)} document(s) failed to index", failures)

    # -- rebuilding ----------------------------------------------------------------------------------

    def start_rebuild(self):
        """A new index behind the building alias (taken from any rebuild that died before it finished)."""
        self.drop_building_index()
        index = self.create_index()
        self.connection.indices.put_alias(index=index, name=building_alias_name())
        return index

    def fill(self, pages):
        actions = [
            {
                "_op_type": "create",
                "_index": building_alias_name(),
                "_id": page.pk,
                "_source": to_document(page).to_dict(),
            }
            for page in pages
        ]
        self.write(actions, refresh=False)

    def finish_rebuild(self, index):
        """Drops the tombstones, then points the readers' alias at the new index in one step and drops the old."""
        self.connection.indices.refresh(index=index)
        self.connection.delete_by_query(
            index=index, body={"query": {"bool": {"must_not": {"exists": {"field": "locale"}}}}}, refresh=True
        )
        alias = alias_name()
        old = (
            list(self.connection.indices.get_alias(name=alias))
            if self.connection.indices.exists_alias(name=alias)
            else []
        )
        actions = [{"remove": {"index": name, "alias": alias}} for name in old]
        actions += [
            {"add": {"index": index, "alias": alias}},
            {"remove": {"index": index, "alias": building_alias_name()}},
        ]
        self.connection.indices.update_aliases(body={"actions": actions})
        for name in old:
            self.connection.indices.delete(index=name, ignore_unavailable=True)
        return self.connection.count(index=alias)["count"]

    def drop_building_index(self):
        if self.rebuilding():
            for name in self.connection.indices.get_alias(name=building_alias_name()):
                self.connection.indices.delete(index=name, ignore_unavailable=True)
