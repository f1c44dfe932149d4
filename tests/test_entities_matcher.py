"""Knowledge-base matching: clitics, longest match, weak aliases, adjectives, offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.extract.entities.stage import EntityExtractor
from marsad.text.normalize import MARKS
from tests.entities_kb import make_kb, mention_texts, names, run


@pytest.fixture(scope="module")
def ex(tmp_path_factory: pytest.TempPathFactory) -> EntityExtractor:
    kb = make_kb(tmp_path_factory.mktemp("kb"))
    return EntityExtractor(kb, use_model=False)


def test_proclitics_stay_outside_the_mention_and_the_article_inside(ex: EntityExtractor) -> None:
    doc = run(ex, "وصل الوفد إلى بنغازي ثم عاد وبنغازي تنتظر. والجيش الباكستاني حاضر، ولحفتر رأي آخر.")
    found = mention_texts(doc)
    assert ("بنغازي", "GPE") in found
    assert found.count(("بنغازي", "GPE")) == 2  # «وبنغازي» → «بنغازي»
    assert ("الجيش الباكستاني", "ORG") in found  # «والجيش» keeps its article
    assert ("حفتر", "PERSON") in found  # «ولحفتر» loses و and ل
    for e in doc.entities:
        for m in e.mentions:
            assert doc.text[m.start : m.end] == m.text


def test_lam_before_the_article_keeps_the_articles_lam(ex: EntityExtractor) -> None:
    doc = run(ex, "قدمت فرنسا دعما للجيش الباكستاني.")
    army = [m for e in doc.entities for m in e.mentions if e.kb_id == "pakistan-army"]
    assert [m.text for m in army] == ["لجيش الباكستاني"]  # ل + (ا)لجيش: the preposition goes


def test_longest_match_wins_and_no_gpe_inside_an_organization(ex: EntityExtractor) -> None:
    doc = run(ex, "أعلن الجيش الوطني الليبي أن قوات شرق ليبيا تقدمت.")
    kb_ids = [e.kb_id for e in doc.entities]
    assert kb_ids == ["lna"]
    assert len(doc.entities[0].mentions) == 2  # both names of one organization


def test_a_weak_alias_needs_a_place_context(ex: EntityExtractor) -> None:
    doc = run(ex, "ومن هذه الزاوية يمكن فهم القرار.")
    assert not doc.entities
    doc = run(ex, "وقعت اشتباكات في مدينة الزاوية أمس.")
    assert [e.kb_id for e in doc.entities] == ["zawiya"]
    doc = run(ex, "وصل المهاجرون إلى الزاوية.")
    assert [e.kb_id for e in doc.entities] == ["zawiya"]


def test_a_weak_alias_counts_when_the_entity_is_named_strongly_elsewhere(ex: EntityExtractor) -> None:
    doc = run(ex, "وقعت اشتباكات في مدينة الزاوية غرب طرابلس، وتشهد الزاوية توترا منذ أسابيع.")
    zawiya = next(e for e in doc.entities if e.kb_id == "zawiya")
    assert len(zawiya.mentions) == 2


def test_a_nationality_adjective_is_not_a_place_but_ties_an_organization(ex: EntityExtractor) -> None:
    doc = run(ex, "قال مصدر ليبي إن البحرية الباكستانية شاركت في المناورات.")
    assert all(e.type != "GPE" for e in doc.entities)
    navy = names(doc)["البحرية الباكستانية"]
    assert navy.type == "ORG" and navy.kb_id is None
    assert navy.country == "PK" and navy.cameo == "PAKMIL"


def test_head_and_state_link_to_the_knowledge_base(ex: EntityExtractor) -> None:
    doc = run(ex, "وأعلن جيش باكستان ثم الجيش الباكستاني ذلك.")
    assert [e.kb_id for e in doc.entities] == ["pakistan-army"]
    assert len(doc.entities[0].mentions) == 2


def test_offsets_index_the_original_text_with_diacritics_and_tatweel(ex: EntityExtractor) -> None:
    text = "وَصَلَ وفدٌ إلى بنغـــازي، واستقبله الجَيْشُ البَاكِسْتَانِيُّ."
    doc = run(ex, text)
    found = {m.text for e in doc.entities for m in e.mentions}
    assert "بنغـــازي" in found
    assert "الجَيْشُ البَاكِسْتَانِيُّ" in found
    for e in doc.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


_MARKS = [m for m in MARKS if m != "\u0640"] + ["\u0640"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 200), st.sampled_from(_MARKS)), max_size=12))
def test_diacritics_and_tatweel_anywhere_never_move_a_mention(
    tmp_path_factory: pytest.TempPathFactory, inserts: list[tuple[int, str]]
) -> None:
    ex = _shared_extractor(tmp_path_factory)
    base = "استقبل خليفة حفتر في بنغازي قائد الجيش الباكستاني."
    letters = [i + 1 for i, ch in enumerate(base) if "\u0621" <= ch <= "\u064a"]
    text = base
    for pos, mark in sorted(inserts, key=lambda x: -x[0]):
        at = letters[pos % len(letters)]
        # only after letters (a mark after a space or a point would be a different text)
        text = text[:at] + mark + text[at:]
    doc = run(ex, text)
    plain = {"".join(ch for ch in m.text if ch not in MARKS) for e in doc.entities for m in e.mentions}
    assert plain == {"خليفة حفتر", "بنغازي", "الجيش الباكستاني"}
    for e in doc.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
            assert m.text[0] not in MARKS


_EXTRACTOR: list[EntityExtractor] = []


def _shared_extractor(factory: pytest.TempPathFactory) -> EntityExtractor:
    if not _EXTRACTOR:
        _EXTRACTOR.append(EntityExtractor(make_kb(factory.mktemp("kb2")), use_model=False))
    return _EXTRACTOR[0]


def test_latin_alias_in_arabic_text(tmp_path: Path) -> None:
    kb_file = tmp_path / "kb.yaml"
    kb_file.write_text("- {id: reuters, type: ORG, subtype: news_agency, name: رويترز, aliases: [Reuters]}\n",
                       encoding="utf-8")
    from marsad.kb import build_kb

    ex = EntityExtractor(build_kb([kb_file], embedded=False, user=False), use_model=False)
    doc = run(ex, "نقلت وكالة Reuters عن مصادر أن رويترز علمت بذلك.")
    assert [e.kb_id for e in doc.entities] == ["reuters"]
    assert [m.text for m in doc.entities[0].mentions] == ["Reuters", "رويترز"]


def test_a_state_named_like_an_adjective_after_a_coordinating_waw(tmp_path: Path) -> None:
    """A state's name that is also a feminine adjective («السعودية») coordinated with a name is the
    state; coordinated with an adjective it qualifies the noun before."""
    from marsad.kb import build_kb

    f = tmp_path / "kb.yaml"
    f.write_text(
        "- {id: iraq, type: GPE, subtype: state, name: العراق, adjectives: [عراقي, عراقية], country: IQ}\n"
        "- {id: saudi, type: GPE, subtype: state, name: السعودية, adjectives: [سعودي, سعودية], country: SA}\n",
        encoding="utf-8",
    )
    ex = EntityExtractor(build_kb([f], embedded=False, user=False), use_model=False)
    found = mention_texts(run(ex, "ووقع العراق والسعودية اتفاقا للربط الكهربائي."))
    assert ("السعودية", "GPE") in found
    assert mention_texts(run(ex, "ووقعت الحكومتان العراقية والسعودية اتفاقا.")) == []
