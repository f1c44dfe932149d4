"""Place nouns that are something else in the sentence, markets named by a known place, and a
street named after a person that a place after ب ends (sentences written for these tests)."""

from __future__ import annotations

import pytest

from marsad.extract.entities.stage import EntityExtractor
from marsad.kb import KnowledgeBase, load_kb
from tests.entities_kb import run


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="module", params=[False, True], ids=["rules", "with-model"])
def ex(kb: KnowledgeBase, request: pytest.FixtureRequest) -> EntityExtractor:
    return EntityExtractor(kb, use_model=request.param)


def _mentions(ex: EntityExtractor, text: str) -> list[tuple[str, str]]:
    doc = run(ex, text)
    return sorted((m.text, e.type) for e in doc.entities for m in e.mentions)


@pytest.mark.parametrize(
    "text",
    [
        # the verb «أدى» after و, not «وادي» (a valley): the hamza tells them apart
        "وأدى الخلاف بين القيادتين إلى انقسام واسع داخل الحزب.",
        "وأدى الوزير اليمين الدستورية أمام الرئيس.",
        # «مضيق» as an adjective of a council («restricted»), not a strait
        "وعقد مجلس وزاري مضيق صباح اليوم لمتابعة الاستعدادات للموسم الصيفي.",
    ],
)
def test_words_read_as_place_nouns_are_not_places(ex: EntityExtractor, text: str) -> None:
    assert [t for _m, t in _mentions(ex, text) if t in ("LOC", "FAC")] == []


def test_valley_and_strait_still_names(ex: EntityExtractor) -> None:
    found = _mentions(ex, "عثرت الوحدات على مخبأ في وادي الربايع، وعبرت الناقلة مضيق باب المندب.")
    assert ("وادي الربايع", "LOC") in found
    assert any(m.startswith("مضيق باب المندب") or m == "باب المندب" for m, _t in found)


@pytest.mark.parametrize("text", ["تحصن المسلحون في جبال المنطقة الوعرة.", "تجمع الأهالي في ساحة المدينة مساء أمس."])
def test_the_region_just_spoken_of_is_no_name(ex: EntityExtractor, text: str) -> None:
    assert [t for _m, t in _mentions(ex, text) if t in ("LOC", "FAC")] == []


def test_market_named_by_a_known_place_is_a_facility(ex: EntityExtractor) -> None:
    found = _mentions(ex, "انفجرت عبوة ناسفة في سوق الكرادة وسط بغداد مساء الخميس.")
    assert ("سوق الكرادة", "FAC") in found


@pytest.mark.parametrize(
    "text", ["تراجعت نسبة البطالة في سوق الشغل خلال الثلاثية الأولى.", "استقرت الأسعار في سوق الخضر بالجملة."]
)
def test_market_of_a_common_noun_is_no_facility(ex: EntityExtractor, text: str) -> None:
    assert [m for m, t in _mentions(ex, text) if t == "FAC"] == []


def test_street_after_a_person_ends_before_a_place_after_b(ex: EntityExtractor) -> None:
    found = _mentions(ex, "رصدت الكاميرا الحادث في شارع المنجي سليم بنابل وتحديدا قرب المحطة.")
    facs = [m for m, t in found if t == "FAC"]
    assert facs == ["شارع المنجي سليم"]


# -- kunyas in quotation marks ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('وأعلن التنظيم مقتل القيادي "أبو دجانة" في غارة جوية قرب الحدود.', "أبو دجانة"),
        ('قتل "أبو حفص الليبي" و"أبو عمر" في الاشتباكات.', "أبو حفص الليبي"),
        ('وقالت "أم خالد" إن ابنها اعتقل منذ أسبوع.', "أم خالد"),
    ],
)
def test_quoted_kunya_is_a_person(ex: EntityExtractor, text: str, name: str) -> None:
    assert (name, "PERSON") in _mentions(ex, text)


def test_quoted_figure_of_speech_is_no_kunya(kb: KnowledgeBase) -> None:
    ex = EntityExtractor(kb, use_model=False)
    found = _mentions(ex, 'وخاض الجيش ما وصفه الإعلام الرسمي بـ"أم المعارك" في تلك الحرب.')
    assert [m for m, t in found if t == "PERSON"] == []


# -- an institution named by its kind ----------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["وأكدت إدارة المستشفى أن حالة المصابين مستقرة.", "وطالب الأولياء إدارة المعهد بالتدخل العاجل."]
)
def test_administration_of_the_institution_is_no_name(ex: EntityExtractor, text: str) -> None:
    assert [m for m, t in _mentions(ex, text) if t == "ORG"] == []


def test_institution_noun_inside_a_longer_name_counts(ex: EntityExtractor) -> None:
    found = _mentions(ex, "وقال الكاتب العام للنقابة الأساسية للإذاعة إن الإضراب قائم.")
    assert ("لنقابة الأساسية للإذاعة", "ORG") in found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وطالبت العائلة وزارة الصحة بالتدخل العاجل لإنقاذ المريض.", "وزارة الصحة"),
        ("قال كاتب عام نقابة التعليم الثانوي بالجهة إن الإضراب قائم.", "نقابة التعليم الثانوي"),
        ("تسلمت الإدارة الجهوية للصحة بالكاف سيارتي إسعاف.", "الإدارة الجهوية للصحة بالكاف"),
    ],
)
def test_prepositional_phrase_after_an_org_ends_it_unless_a_place(ex: EntityExtractor, text: str, name: str) -> None:
    assert (name, "ORG") in _mentions(ex, text)


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("احتجز الموقوف في قسم شرطة المعادي بالقاهرة.", "قسم شرطة المعادي", "FAC"),
        ("وأعلنت الميليشيات الحوثية مسؤوليتها عن الهجوم.", "الميليشيات الحوثية", "ORG"),
    ],
)
def test_directions_stations_and_group_names(ex: EntityExtractor, text: str, name: str, etype: str) -> None:
    assert (name, etype) in _mentions(ex, text)
