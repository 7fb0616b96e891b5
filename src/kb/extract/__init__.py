"""Turning a parsed article into plain facts (entities, roles, dates, events).

Each stage works on the spaCy ``Doc`` of ``Article.clean`` and reports cleaned-text
offsets and sentence indexes; :func:`facts_from_doc` maps offsets back to the text as
read, so every stored offset points into the original file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

from kb.model import Article, ArticleFacts, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def extract(article: Article, nlp: Language) -> ArticleFacts:
    """Analyse one article."""
    return facts_from_doc(article, nlp(article.clean))


def extract_many(articles: Iterable[Article], nlp: Language, *, batch_size: int = 16) -> Iterator[ArticleFacts]:
    """Analyse articles in order, streaming them through ``nlp.pipe``."""
    pairs = nlp.pipe(((a.clean, a) for a in articles), as_tuples=True, batch_size=batch_size)
    for doc, article in pairs:
        yield facts_from_doc(article, doc)


def facts_from_doc(article: Article, doc: Doc) -> ArticleFacts:
    """Analyse one article parsed from its cleaned text ``article.clean``."""
    from kb.extract import agreements, dates, entities, events, sents

    if article.published is None:
        found = dates.publication_date(article.clean)
        if found is not None:
            article.published, article.published_from = found

    if len(doc) == 0 or doc[-1].idx + len(doc[-1].text_with_ws) == len(article.clean):
        sents.remember_text(doc, article.clean)  # spaCy keeps the text it parses verbatim
    sentences = []
    for sent in sents.doc_sents(doc):
        start, end = article.original_span(sent.start_char, sent.end_char)
        # offsets point into the text as read; the words quoted are the cleaned ones
        # ("visitlink" repaired), so a reader never sees the web page's artefacts
        sentences.append(Sentence(start, end, article.clean[sent.start_char:sent.end_char]))

    timexes = dates.find_timexes(doc, anchor=article.published)
    found_entities = entities.find_entities(doc)
    agreements.date_agreements(doc, found_entities, timexes)
    found_events = events.find_events(doc, found_entities, timexes, anchor=article.published)

    facts = ArticleFacts(
        article=article,
        sentences=sentences,
        mentions=found_entities.mentions,
        entities=found_entities.entities,
        roles=found_entities.roles,
        timexes=dates.reported(timexes, article.published),
        events=found_events,
        agreements=found_entities.agreements,
    )
    sents.forget(doc)
    return _to_original_offsets(facts)


def _to_original_offsets(facts: ArticleFacts) -> ArticleFacts:
    """Map every cleaned-text offset back to the text as read, in place: the facts were
    made for this article alone, and copying each record would cost more than the map."""
    article = facts.article
    if article.offsets == list(range(len(article.clean) + 1)):
        return facts  # nothing was cleaned away: offsets are positions in both texts
    span = article.original_span
    seen: set[int] = set()
    for m in [*facts.mentions, *facts.timexes]:
        if id(m) not in seen:
            seen.add(id(m))
            m.start_char, m.end_char = span(m.start_char, m.end_char)
    for e in facts.events:
        if e.trigger_start >= 0 and id(e) not in seen:
            seen.add(id(e))
            e.trigger_start, e.trigger_end = span(e.trigger_start, e.trigger_end)
    return facts
