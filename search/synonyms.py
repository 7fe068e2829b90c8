"""Glossary synonyms for search: a query that names a glossary term also matches the term's other forms in the
languages searched (the reader's language, or every language with "All languages")."""

from glossary.terms import entries_in, live_entries


def glossary_forms(query, languages):
    """Every form, in these languages, of each glossary term the query mentions in any language."""
    if not query:
        return ()
    forms = []
    for entry in entries_in(query, live_entries()):
        forms += [form for language in languages for form in entry.forms_in(language) if form not in forms]
    return tuple(forms)
