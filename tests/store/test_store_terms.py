"""Properties of the search terms and queries: spelling variants share terms, any user input
gives a valid backend query or a ConfigError, snippets point into the original text."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.errors import ConfigError
from marsad.search.query import parse_query, to_fts5, to_tsquery
from marsad.search.snippets import match_spans, snippet
from marsad.search.terms import query_terms

LETTERS = "ابتثجحخدذرسشصضطظعغفقكلمنهوي"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"
word = st.text(alphabet=LETTERS, min_size=2, max_size=8)


@given(word, st.lists(st.sampled_from(MARKS), max_size=6), st.randoms())
def test_diacritics_and_tatweel_never_change_the_terms(w: str, marks: list[str], rnd: object) -> None:
    decorated = list(w)
    for m in marks:
        decorated.insert(rnd.randint(1, len(decorated)), m)  # type: ignore[attr-defined]
    assert query_terms("".join(decorated)) == query_terms(w)


@given(word)
def test_the_article_and_clitics_before_it_keep_the_base(w: str) -> None:
    base = query_terms("ال" + w)[0].base
    for prefix in ("وال", "بال", "فال", "كال", "وبال"):
        assert query_terms(prefix + w)[0].base == base


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=LETTERS + ' "-*()ORAND:^{}.,؟،' + MARKS + "aZ09", max_size=40))
def test_any_input_is_a_valid_query_or_a_clear_error(text: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE search_index USING fts5(title_words, title_stems, body_words, body_stems, "
                 "tokenize=\"unicode61 remove_diacritics 0 tokenchars '_'\")")
    try:
        query = parse_query(text)
    except ConfigError:
        return
    conn.execute("SELECT rowid FROM search_index WHERE search_index MATCH ?", (to_fts5(query),)).fetchall()
    assert to_tsquery(query)


def test_tsquery_is_valid_postgres_syntax() -> None:
    """The compiled tsquery parses on a server (skipped without one)."""
    from store_support import pg_base_url

    url = pg_base_url()
    import psycopg

    with psycopg.connect(url) as conn:
        for q in ['"وزير الخارجية" OR تونس -كرة', "مدر*", "احمد", "U.N. 3.5 COVID-19"]:
            conn.execute("SELECT CAST(%s AS tsquery)", (to_tsquery(parse_query(q)),)).fetchone()


@given(st.lists(st.sampled_from(["المدرسة", "وللمدرسة", "مَدْرَسَة", "بيت", "ذهب", "إلى", "،", "«الطلاب»"]),
                min_size=1, max_size=30))
def test_match_spans_index_the_original_text(words: list[str]) -> None:
    text = " ".join(words)
    bases = {t.base for t in query_terms("مدرسه")}
    spans = match_spans(text, bases, set())
    assert len(spans) == sum(1 for w in words if w in ("المدرسة", "وللمدرسة", "مَدْرَسَة"))
    for s, e in spans:
        assert text[s:e] in ("المدرسة", "وللمدرسة", "مَدْرَسَة")
    out = snippet(text, spans, width=60)
    assert out.count("[") == out.count("]")


def test_snippet_of_a_long_text_is_short_and_centered(tmp_path: Path) -> None:
    text = "كلام عام " * 200 + "انطلقت الانتخابات البلدية اليوم" + " كلام عام" * 200
    spans = match_spans(text, {t.base for t in query_terms("الانتخابات")}, set())
    out = snippet(text, spans, width=120)
    assert "[الانتخابات]" in out and out.startswith("…") and out.endswith("…") and len(out) < 200
