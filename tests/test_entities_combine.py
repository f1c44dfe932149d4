"""The recognizer's names as gap fillers: what a name must look like to be kept (combine.py).
A fake recognizer tags the phrases given to it, so each filter is tested on its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.doc import Document
from marsad.extract.entities.model import NamePrediction
from marsad.extract.entities.stage import EntityExtractor
from tests.entities_kb import make_kb, run


class PhraseTagger:
    """Tags every occurrence of the given phrases (type, score) in a document."""

    def __init__(self, phrases: dict[str, tuple[str, float]]) -> None:
        self.phrases = phrases
        self.name_starts: dict[str, int] = {}

    def tag(self, doc: Document) -> list[NamePrediction]:
        assert doc.tokens is not None
        out = []
        for phrase, (etype, score) in self.phrases.items():
            start = doc.text.find(phrase)
            if start < 0:
                continue
            toks = list(doc.tokens.between(start, start + len(phrase)))
            out.append(NamePrediction(toks[0], toks[-1] + 1, etype, score))
        return out


def _found(tmp: Path, text: str, phrases: dict[str, tuple[str, float]]) -> list[str]:
    ex = EntityExtractor(make_kb(tmp), model=PhraseTagger(phrases))
    doc = run(ex, text)
    return [m.text for e in doc.entities for m in e.mentions if m.method == "model"]


@pytest.fixture()
def tmp(tmp_path: Path) -> Path:
    return tmp_path


def test_a_plausible_unknown_name_fills_a_gap(tmp: Path) -> None:
    assert _found(tmp, "وقال مقداد السهيلي إنه بعث برسالة.", {"مقداد السهيلي": ("PERSON", 0.9)}) == ["مقداد السهيلي"]


def test_scores_under_the_type_threshold_are_dropped(tmp: Path) -> None:
    assert _found(tmp, "وقال مقداد السهيلي إنه بعث برسالة.", {"مقداد السهيلي": ("PERSON", 0.2)}) == []


@pytest.mark.parametrize(
    ("text", "phrase", "etype"),
    [
        ("ينفذ الأعوان وقفة احتجاجية بكامل تراب الجمهورية غدا.", "كامل تراب الجمهورية", "PERSON"),  # after ب
        ("وتتزامن برقية الإضراب مع لقاء سيعقد غدا.", "رقية الإضراب", "PERSON"),
        ("ضباب محلي متوقع بالجنوب كما تتجاوز الحرارة المعدل.", "الجنوب كما", "LOC"),  # a function word
        ("حوادث في النصف الأول من رمضان لهذه السنة.", "رمضان لهذه السنة", "PERSON"),  # ل + a function word
        ("قامت المراقبة الاقتصادية في القصرين بالتنسيق مع الأعوان.", "القصرين بالتنسيق", "LOC"),
        ("تشهد المدينة ترهيب الصحفيين منذ أشهر.", "ترهيب الصحفيين", "PERSON"),  # a plural
        ("وضعت صفحة تحمل اسمها يستهدفها شخصيا.", "تحمل اسمها يستهدفها", "ORG"),  # pronoun suffixes
        ("وفقا للمجلة الجزائية المعمول بها.", "الجزائية", "ORG"),  # a relational adjective alone
        ("تهريب البضائع من القطر الليبي متواصل.", "القطر", "GPE"),  # followed by a nationality adjective
        ("تجمع المحتجون في ساحة عامة وسط المدينة.", "ساحة عامة", "FAC"),  # place noun + adjective
        ("قال إن مهمة إعداد وتنفيذ مسار إرساء نظام اللامركزية صعبة.", "مهمة إعداد وتنفيذ مسار إرساء", "PERSON"),
    ],
)
def test_phrases_that_cannot_be_names_are_not_kept(tmp: Path, text: str, phrase: str, etype: str) -> None:
    assert _found(tmp, text, {phrase: (etype, 0.99)}) == []


def test_a_maghrebi_family_name_with_bal_after_a_given_name_is_kept(tmp: Path) -> None:
    assert _found(tmp, "أكدت الوزارة أن سمير بالطيب زار الجهة.", {"سمير بالطيب": ("PERSON", 0.9)}) == ["سمير بالطيب"]


def test_a_count_is_not_a_name(tmp: Path) -> None:
    assert _found(tmp, "وقال إن لدينا ثلاثة أهداف هذا العام.", {"ثلاثة أهداف": ("PERSON", 0.99)}) == []


@pytest.mark.parametrize(
    ("text", "phrase", "etype"),
    [
        ("ظل الملف ساحة مفتوحة للتجاذب بين الأطراف.", "ساحة مفتوحة", "FAC"),  # passive participle
        ("عثر الجنود على سجن مهجور قرب الحدود.", "سجن مهجور", "FAC"),  # masculine participle
        ("تحولت الأرض إلى منطقة واسعة للرعي.", "منطقة واسعة", "LOC"),  # feminine head + feminine adjective
    ],
)
def test_an_indefinite_noun_and_its_adjective_are_not_a_place(tmp: Path, text: str, phrase: str, etype: str) -> None:
    assert _found(tmp, text, {phrase: (etype, 0.99)}) == []


@pytest.mark.parametrize(
    ("text", "phrase", "etype"),
    [
        ("هبطت الطائرة في مطار قرطاج مساء أمس.", "مطار قرطاج", "FAC"),  # a known name after the noun
        ("نقل المعتقلون إلى سجن مجدو شمال البلاد.", "سجن مجدو", "FAC"),  # an unknown name, not a participle
        ("اقتحمت القوات قرية برقة فجر اليوم.", "قرية برقة", "GPE"),  # an administrative unit names what follows
    ],
)
def test_a_place_noun_and_a_name_stay_a_place(tmp: Path, text: str, phrase: str, etype: str) -> None:
    ex = EntityExtractor(make_kb(tmp), model=PhraseTagger({phrase: (etype, 0.99)}))
    doc = run(ex, text)
    assert any(phrase.split()[1] in m.text for e in doc.entities for m in e.mentions)
