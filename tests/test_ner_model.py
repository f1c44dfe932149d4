"""The packaged statistical name recognizer: loading, tagging, spans, Wojood reading, a quality gate."""

from __future__ import annotations

import re
import socket
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.doc import Document
from marsad.errors import InputError, PipelineError
from marsad.extract.entities.model import (
    MODEL_FILE,
    TYPES,
    FeatureExtractor,
    NamePrediction,
    NameTagger,
    clitic_letters,
    prediction_span,
    sentence_ranges,
)
from marsad.extract.entities.wojood import (
    Scores,
    bio_labels,
    make_sentence,
    read_wojood,
    score_spans,
)
from marsad.text.normalize import match_key
from marsad.text.stage import text_layer
from marsad.text.tokens import TypeInfo

FIXTURE = Path(__file__).parent / "data" / "ner_fixture.txt"
#: the quality gate on tests/data/ner_fixture.txt; measured values are in docs/quality.md
FLOOR_F1 = 0.60
FLOOR_PRECISION = 0.70
FLOOR_PERSON_RECALL = 0.55


def _doc(text: str) -> Document:
    doc = Document(text=text)
    text_layer(doc)
    return doc


@pytest.fixture(scope="module")
def tagger() -> NameTagger:
    return NameTagger.default()


def test_model_loads_from_the_package_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the name tagger tried to open a network connection")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    data = resources.files("marsad.extract.entities").joinpath("data", MODEL_FILE)
    assert data.is_file()
    assert len(data.read_bytes()) < 8_000_000, "the packaged model should stay small"
    tagger = NameTagger()
    assert {f"B-{t}" for t in TYPES} <= set(tagger.labels)
    assert tagger.tag(_doc("وصل سالم بن عمران إلى تونس.")) is not None


def test_unseen_person_after_title(tagger: NameTagger) -> None:
    doc = _doc("قال الوزير المفوض سالم بن عمران إن الحكومة ستعرض المشروع على البرلمان.")
    persons = [s for s in tagger.spans(doc) if s.type == "PERSON"]
    assert [match_key(s.text) for s in persons] == [match_key("سالم بن عمران")]
    assert 0.0 < persons[0].score <= 1.0


def test_unseen_person_after_reporting_verb_and_title(tagger: NameTagger) -> None:
    doc = _doc("وأكدت الناطقة باسم الهيئة منية الزواري أن التسجيل مفتوح.")
    persons = [s.text for s in tagger.spans(doc) if s.type == "PERSON"]
    assert "منية الزواري" in persons


def test_unseen_organization_with_head_noun(tagger: NameTagger) -> None:
    doc = _doc("وأعلنت شركة النسيم للنقل البحري إفلاسها في صفاقس.")
    spans = {(s.text, s.type) for s in tagger.spans(doc)}
    assert ("صفاقس", "GPE") in spans
    assert any(t == "ORG" and text.startswith("شركة النسيم") for text, t in spans)


def test_spans_index_the_original_text_with_diacritics_and_tatweel(tagger: NameTagger) -> None:
    text = "وقـــال الرئيسُ سالمٌ بنُ عمرانَ إنّ الاجتماعَ سيُعقد في وبنغـــازي."
    doc = _doc(text)
    spans = tagger.spans(doc)
    assert spans, "expected names in a sentence with diacritics and tatweel"
    for s in spans:
        assert text[s.start : s.end] == s.text
    keys = {match_key(s.text).replace("\u0640", "") for s in spans}
    person = next(s for s in spans if s.type == "PERSON")
    assert person.text == "سالمٌ بنُ عمرانَ"
    # the conjunction و before the place is not part of its name
    assert any(s.text == "بنغـــازي" for s in spans), keys


def test_a_leading_proclitic_is_left_out_only_when_it_is_one(tagger: NameTagger) -> None:
    def first_info(word: str) -> TypeInfo:
        doc = _doc(word)
        assert doc.tokens is not None
        return doc.tokens.infos[0]

    starts = tagger.name_starts
    assert clitic_letters(first_info("وبنغازي"), starts) == 1
    assert clitic_letters(first_info("بنغازي"), starts) == 0
    assert clitic_letters(first_info("بالجزائر"), starts) == 1  # the article stays
    assert clitic_letters(first_info("الجزائر"), starts) == 0
    assert clitic_letters(first_info("لوزارة"), starts) == 1
    assert clitic_letters(first_info("ليبيا"), starts) == 0
    assert clitic_letters(first_info("وليد"), starts) == 0
    assert clitic_letters(first_info("Tunis"), starts) == 0


def test_prediction_span_leaves_out_quotes_and_detached_proclitics() -> None:
    doc = _doc('في تصريح لـ"الاستقلال" أمس')
    assert doc.tokens is not None
    first = next(i for i, t in enumerate(doc.tokens) if t.form == "ل")
    end = next(i for i, t in enumerate(doc.tokens) if t.form == "الاستقلال") + 1
    span = prediction_span(doc, NamePrediction(first, end, "ORG", 0.9))
    assert span.text == "الاستقلال"


@pytest.mark.parametrize("text", ["", "   \n ", "Hello world, 2017.", "12 345 / 2017", "!!! ...", "🙂🙂"])
def test_no_names_without_arabic_or_text(tagger: NameTagger, text: str) -> None:
    assert tagger.tag(_doc(text)) == []
    assert tagger.spans(_doc(text)) == []


def test_tagging_needs_the_text_layer(tagger: NameTagger) -> None:
    with pytest.raises(PipelineError, match="text"):
        tagger.tag(Document(text="سالم"))


def test_features_are_cached_per_word_and_identical_for_equal_words() -> None:
    fx = FeatureExtractor()
    a = _doc("قال سالم إن سالم")
    assert a.tokens is not None
    feats = fx.sequence(a.tokens.infos)
    assert "w=سالم" in feats[1] and "FN" in feats[1]
    assert "-1w=قال" in feats[1] and "-1RV" in feats[1]
    masked = FeatureExtractor(masked={"FN"}).sequence(a.tokens.infos)
    assert "FN" not in masked[1] and "w=سالم" in masked[1]


def test_sentence_ranges_cover_every_token_once() -> None:
    doc = _doc("وصل الوفد إلى تونس. ثم غادر نحو الجزائر!\nوعاد بعد يومين")
    assert doc.tokens is not None
    covered = [i for r in sentence_ranges(doc) for i in r]
    assert covered == list(range(len(doc.tokens)))
    assert len(sentence_ranges(doc)) == 3


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="سالمبنعروي تونسالجزائرقال«»\"-.،\u064e\u0640 abc", max_size=80))
def test_spans_are_well_formed_on_any_text(text: str) -> None:
    tagger = NameTagger.default()
    doc = _doc(text)
    preds = tagger.tag(doc)
    assert preds == sorted(preds)
    for p in preds:
        assert 0 <= p.first < p.end <= len(doc.tokens or ())
        assert p.type in TYPES and 0.0 <= p.score <= 1.0
    for s in tagger.spans(doc):
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text


# -- Wojood reading ------------------------------------------------------------------------------


def test_wojood_nested_tags_keep_the_outermost_span_of_our_types() -> None:
    rows = [
        ("رسالة", ["O"]),
        ("سكرتير", ["B-OCC"]),
        ("اللجنة", ["I-OCC", "B-ORG"]),
        ("الوطنية", ["I-OCC", "I-ORG"]),
        ("في", ["I-OCC"]),
        ("مدينة", ["I-OCC", "B-GPE"]),
        ("سبها", ["I-OCC", "I-GPE"]),
        ("إلى", ["O"]),
        ("سالم", ["B-PERS"]),
        ("عمران", ["I-PERS"]),
        ("$#$", ["O"]),
    ]
    s = make_sentence(rows)
    assert s is not None
    assert [(s.text[g.start : g.end], g.type) for g in s.spans] == [
        ("اللجنة الوطنية", "ORG"),
        ("مدينة سبها", "GPE"),
        ("سالم عمران", "PERSON"),
    ]
    assert s.aux == []  # the OCC span overlaps ours: ours win
    labels = [lab for _, seq in s.sequences() for lab in seq]
    assert labels.count("B-ORG") == 1 and labels.count("B-PERSON") == 1


def test_wojood_file_reading_and_conventions(tmp_path: Path) -> None:
    f = tmp_path / "w.txt"
    f.write_text(
        "حرصت O\nليبيا B-ORG\nعلى O\nالحضور O\n\nزار O\nوفد O\nمدينة B-GPE\nليبيا I-GPE\n.\tO\n",
        encoding="utf-8",
    )
    raw = read_wojood(f, conventions=False)
    ours = read_wojood(f)
    assert [g.type for g in raw[0].spans] == ["ORG"]
    assert [g.type for g in ours[0].spans] == ["GPE"]  # a state acting is still a GPE
    assert [ours[1].text[g.start : g.end] for g in ours[1].spans] == ["ليبيا"]
    with pytest.raises(InputError, match="does not exist"):
        read_wojood(tmp_path / "missing.txt")


def test_bio_labels_and_scores() -> None:
    assert bio_labels(4, [(1, 3, "ORG"), (2, 4, "GPE")]) == ["O", "B-ORG", "I-ORG", "O"]
    scores = score_spans([[(0, 2, "PERSON"), (3, 4, "GPE")]], [[(0, 2, "PERSON"), (3, 5, "GPE")]])
    assert scores["PERSON"] == Scores(1, 0, 0)
    assert scores["GPE"] == Scores(0, 1, 1)
    assert scores["ALL"].f1 == pytest.approx(0.5)


# -- the quality gate ----------------------------------------------------------------------------

_MARK = re.compile(r"\[(PERSON|ORG|GPE|LOC|FAC|\?) ([^\]]+)\]")
_OPTIONAL = re.compile(r"\{([^}]*)\}")

Gold = list[tuple[str, set[tuple[int, int]]]]  # per name: type, accepted spans


def _fixture() -> list[tuple[str, Gold, list[tuple[int, int]]]]:
    """(text, gold names, ignored spans) per sentence of tests/data/ner_fixture.txt."""
    out = []
    for line in FIXTURE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, gold, ignore, pos = "", [], [], 0
        for m in _MARK.finditer(line):
            text += line[pos : m.start()]
            inner = m.group(2)
            start = len(text)
            plain = _OPTIONAL.sub(r"\1", inner)
            end = start + len(plain)
            text += plain
            pos = m.end()
            if m.group(1) == "?":
                ignore.append((start, end))
                continue
            accepted = {(start, end)}
            opt = _OPTIONAL.search(inner)
            if opt is not None:
                n = len(opt.group(1))
                accepted.add((start + n, end) if opt.start() == 0 else (start, end - n))
            gold.append((m.group(1), accepted))
        text += line[pos:]
        out.append((text, gold, ignore))
    return out


def fixture_scores(tagger: NameTagger) -> dict[str, Scores]:
    """Exact-span scores by type; a name written with an optional part matches either form."""
    counts: dict[str, list[int]] = {}
    for text, gold, ignore in _fixture():
        pred = {(s.start, s.end, s.type) for s in tagger.spans(_doc(text))}
        pred = {p for p in pred if not any(p[0] < e and s < p[1] for s, e in ignore)}
        matched: set[tuple[int, int, str]] = set()
        for typ, accepted in gold:
            hit = {p for p in pred if p[2] == typ and (p[0], p[1]) in accepted}
            counts.setdefault(typ, [0, 0, 0])[0 if hit else 2] += 1
            matched |= hit
        for p in pred - matched:
            counts.setdefault(p[2], [0, 0, 0])[1] += 1
    out = {t: Scores(*c) for t, c in sorted(counts.items())}
    out["ALL"] = Scores(*(sum(c[k] for c in counts.values()) for k in range(3)))
    return out


def test_quality_floor_on_written_sentences(tagger: NameTagger) -> None:
    scores = fixture_scores(tagger)
    total = scores["ALL"]
    assert total.tp + total.fn >= 90, "the fixture should hold enough names to measure"
    assert total.f1 >= FLOOR_F1, f"F1 {total.f1:.3f} fell below {FLOOR_F1}: {scores}"
    assert total.precision >= FLOOR_PRECISION, f"precision {total.precision:.3f} < {FLOOR_PRECISION}"
    assert scores["PERSON"].recall >= FLOOR_PERSON_RECALL, f"PERSON recall fell: {scores['PERSON']}"
