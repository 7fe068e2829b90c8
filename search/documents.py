"""The reader-facing Elasticsearch index, defined with elasticsearch-dsl: one document per live page,
English text analysed with stemming and stop words, Chinese with the cjk analyzer (bigrams) and as characters."""

from django.conf import settings

from elasticsearch_dsl import Date, Document, Integer, Keyword, Text, analyzer, tokenizer

autocomplete = analyzer(
    "autocomplete",
    tokenizer=tokenizer("autocomplete_edge", "edge_ngram", min_gram=1, max_gram=20, token_chars=["letter", "digit"]),
    filter=["lowercase"],
)
# Whole typed words (not split per Chinese character as the standard analyzer would) match the prefixes above.
autocomplete_search = analyzer("autocomplete_search", tokenizer="whitespace", filter=["lowercase"])


def alias_name():
    """Readers query the alias; a rebuild fills a new index and then moves the alias to it."""
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}_pages"


def building_alias_name():
    """Points at the index a rebuild is filling, so that updates made meanwhile reach it too."""
    return f"{alias_name()}_building"


class PageDocument(Document):
    page_id = Integer()
    locale = Keyword()
    kind = Keyword()
    topics = Keyword()
    year = Integer()
    date = Date()
    # English is stemmed ("conserving" finds "conservation"); the unstemmed `plain` words take typos, which
    # stemming would otherwise turn into different stems ("efficency" is not within two edits of "effici").
    title_en = Text(analyzer="english", fields={"plain": Text(analyzer="standard")})
    body_en = Text(analyzer="english", fields={"plain": Text(analyzer="standard")})
    # Chinese as overlapping pairs of characters (cjk), which match words, and as single characters (`chars`, the
    # standard analyzer's split), which a one-character query or a word the pairs cut otherwise matches in sequence.
    title_zh = Text(analyzer="cjk", fields={"chars": Text(analyzer="standard")})
    body_zh = Text(analyzer="cjk", fields={"chars": Text(analyzer="standard")})
    title_suggest = Text(analyzer=autocomplete, search_analyzer=autocomplete_search)

    class Index:
        settings = {"number_of_shards": 1, "number_of_replicas": 0}

    @classmethod
    def language_fields(cls, language_code):
        suffix = "zh" if language_code.startswith("zh") else "en"
        return f"title_{suffix}", f"body_{suffix}"
