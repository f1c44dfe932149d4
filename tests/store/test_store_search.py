"""Arabic-aware search on both backends: folding, clitics, stems, phrases, filters, ranking,
snippets. Every article here is a sentence written for the test."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from store_builders import add, analysis, entity, event
from store_support import BACKENDS, drop, pg_url_with_schema

from marsad.errors import ConfigError
from marsad.search import search
from marsad.store import Store, open_store

ARTICLES: list[dict[str, Any]] = [
    {"uid": "school", "source": "وكالة الأنباء", "published": "2024-03-01",
     "text": "استقبل أحمد بن سالم صباح اليوم وفدا من المدرسة الوطنية للإدارة في مقر الولاية.",
     "title": "أحمد بن سالم يستقبل وفد المدرسة"},
    {"uid": "crowned", "source": "إذاعة الساحل", "published": "2024-03-05",
     "text": "تُوّج المنتخبُ التونسي بكأس البطولة العربية بعد فوزه على نظيره الجزائري في المباراة النهائية.",
     "title": None},
    {"uid": "army", "source": "وكالة الأنباء", "published": "2024-04-10",
     "text": "وللجيش الليبي دور كبير في تأمين الحدود الجنوبية، حسب ما أفاد به مصدر عسكري ببنغازي.",
     "title": "الحدود الجنوبية"},
    {"uid": "phrase", "source": "إذاعة الساحل", "published": "2024-05-02",
     "text": "أكد وزير الخارجية أن العلاقات الثنائية متينة وأن التعاون الاقتصادي سيتعزز.",
     "title": None},
    {"uid": "apart", "source": "وكالة الأنباء", "published": "2024-05-20",
     "text": "قال وزير الداخلية إن الشؤون الخارجية ليست من اختصاص وزارته.",
     "title": None},
    {"uid": "elections-title", "source": "وكالة الأنباء", "published": "2024-06-01",
     "text": "تستعد الهيئة العليا لتنظيم الانتخابات البلدية، وتدعو الناخبين إلى التسجيل قبل موعد الانتخابات.",
     "title": "الانتخابات البلدية في موعدها"},
    {"uid": "elections-once", "source": "إذاعة الساحل", "published": "2024-06-03",
     "text": "ناقش المجلس البلدي ميزانية السنة المقبلة وأشار عضو إلى أن الانتخابات قريبة ثم انتقل إلى النظافة والطرقات والإنارة العمومية.",
     "title": "ميزانية البلدية"},
    {"uid": "teachers", "source": "إذاعة الساحل", "published": "2024-07-15",
     "text": "نفذ المعلمون وقفة احتجاجية أمام مقر الوزارة للمطالبة بتحسين ظروف العمل.",
     "title": None},
    {"uid": "football", "source": "إذاعة الساحل", "published": "2024-08-01",
     "text": "انهزم الفريق في مباراة كرة القدم أمام منافسه بهدفين دون رد.",
     "title": None},
]


def _fill(store: Store) -> None:
    for a in ARTICLES:
        text = a["text"]
        ents: list[dict[str, Any]] = []
        evs: list[dict[str, Any]] = []
        if a["uid"] == "school":
            ents = [entity(text, "E1", "PERSON", "أحمد بن سالم", ["أحمد بن سالم"])]
        if a["uid"] == "phrase":
            ents = [entity(text, "E1", "PERSON", "وزير الخارجية", ["وزير الخارجية"])]
            evs = [event(text, "V1", "043", "host a visit", "أكد وزير الخارجية", source="E1")]
        if a["uid"] == "army":
            ents = [entity(text, "E1", "ORG", "الجيش الليبي", ["جيش الليبي"])]
            evs = [event(text, "V1", "190", "use conventional military force", "تأمين الحدود", source="E1")]
        result = analysis(text, uid=a["uid"], title=a["title"], published=a["published"], source=a["source"],
                          entities=ents, events=evs)
        add(store, a["uid"], text, title=a["title"], source=a["source"], published=a["published"], result=result)


@pytest.fixture(scope="module", params=BACKENDS)
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("search") / "search.db")
    else:
        url = pg_url_with_schema("search")
    store = open_store(url, write=True)
    _fill(store)
    yield store
    drop(store)


def ids(store: Store, query: str, **kw: Any) -> list[str]:
    return [h.id for h in search(store, query, limit=20, **kw)]


# -- folding ---------------------------------------------------------------------------------

def test_alef_forms_do_not_matter(corpus: Store) -> None:
    assert ids(corpus, "احمد") == ["school"]
    assert ids(corpus, "أحمد") == ["school"]


def test_taa_marbuta_and_article_do_not_matter(corpus: Store) -> None:
    assert ids(corpus, "مدرسه") == ["school"]
    assert ids(corpus, "المدرسة") == ["school"]


def test_diacritics_do_not_matter(corpus: Store) -> None:
    assert ids(corpus, "توج") == ["crowned"]
    assert ids(corpus, "المنتخب") == ["crowned"]  # the article has «المنتخبُ», with a damma


def test_clitics_do_not_matter(corpus: Store) -> None:
    # «وللجيش» = و + ل + (ا)ل + جيش
    assert ids(corpus, "الجيش") == ["army"]
    assert ids(corpus, "جيش") == ["army"]
    assert ids(corpus, "للجيش") == ["army"]
    # a preposition written on a name without an article
    assert ids(corpus, "بنغازي") == ["army"]


def test_stems_add_recall(corpus: Store) -> None:
    # «المعلمون» in the text; «معلم» and «المعلمين» share its stem
    assert ids(corpus, "معلم") == ["teachers"]
    assert ids(corpus, "المعلمين") == ["teachers"]


def test_unrelated_words_do_not_match(corpus: Store) -> None:
    assert ids(corpus, "طائرة") == []
    # all words must match
    assert ids(corpus, "احمد مباراة") == []


# -- phrases, operators ------------------------------------------------------------------------

def test_phrase_matches_consecutive_words_only(corpus: Store) -> None:
    assert sorted(ids(corpus, "وزير الخارجية")) == ["apart", "phrase"]
    assert ids(corpus, '"وزير الخارجية"') == ["phrase"]
    # the phrase folds like single words
    assert ids(corpus, '"وزير الخارجيه"') == ["phrase"]


def test_or_exclusion_and_prefix(corpus: Store) -> None:
    assert sorted(ids(corpus, "توج OR المعلمون")) == ["crowned", "teachers"]
    assert ids(corpus, "وزير -الداخلية") == ["phrase"]
    assert ids(corpus, "منتخ*") == ["crowned"]


def test_function_words_are_dropped_unless_quoted(corpus: Store) -> None:
    assert sorted(ids(corpus, "في المباراة")) == sorted(ids(corpus, "المباراة")) == ["crowned", "football"]
    with pytest.raises(ConfigError, match="no word to search for"):
        search(corpus, "في من على")


# -- ranking -----------------------------------------------------------------------------------

def test_title_and_frequency_rank_first(corpus: Store) -> None:
    hits = search(corpus, "الانتخابات")
    assert [h.id for h in hits] == ["elections-title", "elections-once"]
    assert hits[0].score > hits[1].score


def test_exact_word_ranks_above_stem_match(corpus: Store) -> None:
    # the article has «المعلمون»: the same word scores higher than a word sharing only its stem
    exact = search(corpus, "المعلمون")
    stem_only = search(corpus, "المعلمين")
    assert exact and stem_only and exact[0].id == stem_only[0].id == "teachers"
    assert exact[0].score > stem_only[0].score


# -- filters -----------------------------------------------------------------------------------

def test_filter_by_source(corpus: Store) -> None:
    assert ids(corpus, "الانتخابات", source="إذاعة الساحل") == ["elections-once"]


def test_filter_by_date_range(corpus: Store) -> None:
    assert ids(corpus, "وزير", date_from="2024-05-10") == ["apart"]
    assert ids(corpus, "وزير", date_to="2024-05-10") == ["phrase"]
    assert ids(corpus, "وزير", date_from="2024-05-01", date_to="2024-05-31", source="وكالة الأنباء") == ["apart"]
    with pytest.raises(ConfigError, match="after"):
        search(corpus, "وزير", date_from="2024-06-01", date_to="2024-05-01")
    with pytest.raises(ConfigError):
        search(corpus, "وزير", date_from="yesterday")


def test_filter_by_entity(corpus: Store) -> None:
    assert ids(corpus, "المدرسة", entity="احمد بن سالم") == ["school"]
    assert ids(corpus, "المدرسة", entity="سالم") == ["school"]  # whole words of the name
    assert ids(corpus, "المدرسة", entity="وزير الخارجية") == []
    assert ids(corpus, "المدرسة", entity="نكرة") == []


def test_filter_by_event_code(corpus: Store) -> None:
    assert ids(corpus, "وزير", code="04") == ["phrase"]
    assert ids(corpus, "وزير", code="043") == ["phrase"]
    assert ids(corpus, "الحدود", code="19") == ["army"]
    assert ids(corpus, "الحدود", code="04") == []
    with pytest.raises(ConfigError, match="CAMEO"):
        search(corpus, "وزير", code="visit")


# -- snippets ----------------------------------------------------------------------------------

def test_snippet_highlights_the_original_spelling(corpus: Store) -> None:
    hit = search(corpus, "احمد")[0]
    assert "[أحمد]" in hit.snippet
    text = next(a["text"] for a in ARTICLES if a["uid"] == "school")
    assert [text[s:e] for s, e in hit.matches] == ["أحمد"]


def test_snippet_highlights_words_with_clitics_and_diacritics(corpus: Store) -> None:
    assert "[وللجيش]" in search(corpus, "الجيش")[0].snippet
    assert "[تُوّج]" in search(corpus, "توج")[0].snippet
    assert "[وزير الخارجية]" in search(corpus, '"وزير الخارجية"')[0].snippet


def test_results_carry_metadata(corpus: Store) -> None:
    hit = search(corpus, "البطولة")[0]
    assert (hit.id, hit.source, hit.published) == ("crowned", "إذاعة الساحل", "2024-03-05")
    assert hit.to_dict()["matches"]


def test_limit_and_offset(corpus: Store) -> None:
    all_hits = ids(corpus, "وزير OR الانتخابات")
    assert len(all_hits) == 4
    assert [h.id for h in search(corpus, "وزير OR الانتخابات", limit=2)] == all_hits[:2]
    assert [h.id for h in search(corpus, "وزير OR الانتخابات", limit=2, offset=2)] == all_hits[2:]


def test_a_root_letter_is_not_taken_for_a_clitic(store: Store) -> None:
    # Snowball alone stems «وزارة» to «زار» (visited) and «وزير» to «زير»: the index stems every
    # word as if behind the article, so the ministry does not find a visit
    visit = "زار وزير الفلاحة ولاية القيروان واطلع على موسم الحصاد."
    ministry = "أعلنت وزارة الفلاحة عن برنامج جديد لدعم صغار الفلاحين."
    add(store, "visit", visit, result=analysis(visit, uid="visit"))
    add(store, "ministry", ministry, result=analysis(ministry, uid="ministry"))
    assert ids(store, "وزارة") == ["ministry"]
    assert ids(store, "الوزارات") == ["ministry"]  # a plural with the article: the same stem
    assert ids(store, "زار") == ["visit"]


def test_migration_2_rebuilds_the_index_with_the_new_stems(store_url: str) -> None:
    s = open_store(store_url, write=True)
    ministry = "أعلنت وزارة الفلاحة عن برنامج جديد لدعم صغار الفلاحين."
    add(s, "ministry", ministry, result=analysis(ministry, uid="ministry"))
    # back to version 1, the index emptied by migration 2's own statements
    with s.transaction():
        for statement in s._migration_statements(2):
            s.execute(statement)
        s.execute("DELETE FROM marsad_schema WHERE version >= 2")
    assert ids(s, "وزارة") == []
    assert s.migrate() == [2]
    assert ids(s, "وزارة") == ["ministry"]
    s.close()
