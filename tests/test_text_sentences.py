"""Sentences, paragraphs, headline and language identification."""

from __future__ import annotations

from hypothesis import given, settings

from marsad.text.language import detect_language
from marsad.text.sentences import find_headline, split_paragraphs, split_sentences
from tests.test_text_normalize import TEXTS


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_splits_on_arabic_and_latin_marks_and_line_breaks() -> None:
    text = "وصل الوفد. هل التقى الرئيس؟ نعم! ثم غادر؛ وعاد\nفقرة ثانية… ونهاية"
    assert sentences(text) == [
        "وصل الوفد.", "هل التقى الرئيس؟", "نعم!", "ثم غادر؛", "وعاد", "فقرة ثانية…", "ونهاية",
    ]


def test_not_inside_numbers_addresses_or_abbreviations() -> None:
    assert sentences("بلغ النمو 2.5 بالمئة هذا العام. وتراجع") == ["بلغ النمو 2.5 بالمئة هذا العام.", "وتراجع"]
    assert sentences("قال د. سامي إن الموقع example.com توقف. ثم عاد") == [
        "قال د. سامي إن الموقع example.com توقف.", "ثم عاد",
    ]
    assert len(sentences("بني عام 300 ق.م. في المدينة")) == 1
    assert len(sentences("راسلنا على ص.ب. 120 بتونس")) == 1


def test_not_inside_quotations_and_a_quote_may_end_a_sentence() -> None:
    text = "قال الوزير: «انتهت المفاوضات. لن نعود إليها» ثم غادر. وعلق المتحدث"
    assert sentences(text) == ["قال الوزير: «انتهت المفاوضات. لن نعود إليها» ثم غادر.", "وعلق المتحدث"]
    assert sentences("«انتهى الأمر.» قالها وغادر.") == ["«انتهى الأمر.»", "قالها وغادر."]
    assert sentences('وأضاف "هذا. ذاك" ثم صمت.') == ['وأضاف "هذا. ذاك" ثم صمت.']


def test_runs_of_marks_end_one_sentence() -> None:
    assert sentences("حقا؟! نعم... طبعا") == ["حقا؟!", "نعم...", "طبعا"]


def test_unclosed_quotation_does_not_swallow_the_paragraph_forever() -> None:
    text = "قال «" + "كلام " * 200 + ". جملة أخرى."
    assert len(sentences(text)) == 2


def test_paragraphs_and_headline() -> None:
    text = "عنوان الخبر هنا\n\nالفقرة الأولى من الخبر. وجملة.\n  الفقرة الثانية  \n"
    paragraphs = split_paragraphs(text)
    assert [text[s:e] for s, e in paragraphs] == ["عنوان الخبر هنا", "الفقرة الأولى من الخبر. وجملة.", "الفقرة الثانية"]
    headline = find_headline(text, paragraphs)
    assert headline is not None and text[headline.start : headline.end] == "عنوان الخبر هنا"


def test_a_first_line_of_prose_is_not_a_headline() -> None:
    text = "وصل الوفد إلى المدينة صباح اليوم.\nوالتقى المسؤولين."
    assert find_headline(text, split_paragraphs(text)) is None
    assert find_headline("سطر واحد فقط", split_paragraphs("سطر واحد فقط")) is None


@settings(max_examples=300)
@given(TEXTS)
def test_sentences_are_ordered_trimmed_and_within_paragraph_lines(text: str) -> None:
    spans = split_sentences(text)
    previous = 0
    for s, e in spans:
        assert previous <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert "\n" not in text[s:e]
        previous = e


def test_language_identification() -> None:
    arabic = detect_language("وصل وزير الخارجية إلى العاصمة لبحث العلاقات الثنائية بين البلدين")
    assert arabic.code == "ar" and arabic.confidence > 0.5
    english = detect_language("The minister arrived in the capital to discuss bilateral relations today")
    assert english.code == "en"
    assert detect_language("12345 !!!").code == "und"
    assert detect_language("\x00\x01 نص").code in ("ar", "und")  # control characters do not crash CLD2


def test_dots_inside_acronyms_do_not_end_sentences() -> None:
    assert sentences("ونقلت بي.بي.سي عن المصدر أن الاجتماع انتهى. ثم غادر") == [
        "ونقلت بي.بي.سي عن المصدر أن الاجتماع انتهى.", "ثم غادر",
    ]
    assert len(sentences("وذكرت وكالة أ.ف.ب الخبر")) == 1
    # a missing space after a full stop between long words still ends the sentence
    assert sentences("انتهى الاجتماع.وقال الوزير") == ["انتهى الاجتماع.", "وقال الوزير"]


def test_a_quotation_mark_nothing_closes_does_not_hold_the_paragraph_together() -> None:
    text = "قال المتحدث «إن الوضع مستقر. وأضاف أن الحكومة تتابع. ثم أنهى كلامه."
    assert len(sentences(text)) == 3
