"""Buildings that stand for the body in them: «أعلن قصر بعبدا» is Lebanon's presidency speaking,
«في قصر بعبدا» the palace as a place. The knowledge base gives such a building as a name of the
body (an ORG whose parent leads to its state); the entity stage makes it a facility after a
locative preposition. Sentences written for these tests."""

from __future__ import annotations

import pytest

from marsad.extract.entities.stage import EntityExtractor
from marsad.kb import KnowledgeBase, load_kb
from tests.entities_kb import run

# building → (the body it stands for, the state that body belongs to)
BUILDINGS = {
    "قصر الإليزيه": ("elysee", "france"),
    "البيت الأبيض": ("white-house", "united-states"),
    "الكرملين": ("kremlin", "russia"),
    "قصر قرطاج": ("tunisia-presidency", "tunisia"),
    "قصر بعبدا": ("lebanon-presidency", "lebanon"),
    "قصر الاتحادية": ("egypt-presidency", "egypt"),
    "قصر المرادية": ("algeria-presidency", "algeria"),
    "قصر بيان": ("kuwait-amiri-diwan", "kuwait"),
    "قصر الحسينية": ("jordan-royal-court", "jordan"),
    "داونينغ ستريت": ("united-kingdom-government", "united-kingdom"),
    "10 داونينغ ستريت": ("uk-prime-minister-office", "united-kingdom"),
    "قصر باكنغهام": ("buckingham-palace", "united-kingdom"),
}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="module")
def ex(kb: KnowledgeBase) -> EntityExtractor:
    return EntityExtractor(kb, use_model=False)


def _state_of(kb: KnowledgeBase, entry_id: str) -> str | None:
    seen = set()
    e = kb.get(entry_id)
    while e is not None and e.id not in seen:
        if e.type == "GPE" and e.subtype == "state":
            return e.id
        seen.add(e.id)
        e = kb.get(e.parent) if e.parent else None
    return None


@pytest.mark.parametrize("building", sorted(BUILDINGS))
def test_building_names_its_body_and_state(kb: KnowledgeBase, building: str) -> None:
    body, state = BUILDINGS[building]
    found = [e.id for e in kb.lookup(building)]
    assert found and found[0] == body, (building, found)
    assert kb.get(body).type == "ORG"
    assert _state_of(kb, body) == state


@pytest.mark.parametrize(
    ("text", "building", "body"),
    [
        ("أكد قصر بعبدا في بيان أن المشاورات ستستأنف الأسبوع المقبل.", "قصر بعبدا", "lebanon-presidency"),
        ("ونفى قصر المرادية صحة الأنباء المتداولة حول صحة الرئيس.", "قصر المرادية", "algeria-presidency"),
        ("وقال داوننغ ستريت إن المحادثات كانت بناءة.", "داوننغ ستريت", "uk-prime-minister-office"),
    ],
)
def test_building_as_speaker_is_the_body(ex: EntityExtractor, text: str, building: str, body: str) -> None:
    doc = run(ex, text)
    hits = [(e.type, e.kb_id) for e in doc.entities for m in e.mentions if m.text == building]
    assert hits == [("ORG", body)]


@pytest.mark.parametrize(
    ("text", "building"),
    [
        ("استقبل الرئيس اللبناني وفدا برلمانيا في قصر بعبدا صباح اليوم.", "قصر بعبدا"),
        ("عقد الاجتماع بقصر الاتحادية بحضور رئيس الوزراء.", "قصر الاتحادية"),
    ],
)
def test_building_after_locative_is_a_facility(ex: EntityExtractor, text: str, building: str) -> None:
    doc = run(ex, text)
    assert [e.type for e in doc.entities for m in e.mentions if m.text == building] == ["FAC"]
