"""Tokens: classes, original offsets, matching keys and clitic readings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from marsad.text import tokens as tokens_module
from marsad.text.clitics import proclitic_forms, strip_article
from marsad.text.normalize import normalize, normalize_text
from marsad.text.tokens import ARABIC, LATIN, NUMBER, PUNCT, SYMBOL, tokenize
from tests.test_text_normalize import TEXTS


def toks(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.kind) for t in tokenize(normalize(text))]


def test_classes() -> None:
    assert toks("قال 2.5% من The News، 😀") == [
        ("قال", ARABIC), ("2.5", NUMBER), ("%", PUNCT), ("من", ARABIC), ("The", LATIN),
        ("News", LATIN), ("،", PUNCT), ("😀", SYMBOL),
    ]


def test_tokens_keep_original_text_with_diacritics_and_tatweel() -> None:
    text = "تُوّجَ المســار"
    tokens = tokenize(normalize(text))
    assert [t.text for t in tokens] == ["تُوّجَ", "المســار"]
    assert [t.form for t in tokens] == ["توج", "المسار"]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_arabic_indic_digits_become_one_number_token() -> None:
    tokens = tokenize(normalize("في ١٧/١٢/٢٠٢٥"))
    assert [(t.text, t.form, t.kind) for t in tokens][1:] == [
        ("١٧", "17", NUMBER), ("/", "/", PUNCT), ("١٢", "12", NUMBER), ("/", "/", PUNCT), ("٢٠٢٥", "2025", NUMBER)
    ]


def test_key_folds_taa_marbuta_alef_maqsura_and_hamza_seats() -> None:
    tokens = tokenize(normalize("المدرسة مستشفى المسؤول رئيس"))
    assert [t.key for t in tokens] == ["المدرسه", "مستشفي", "المسءول", "رءيس"]


def test_clitic_readings() -> None:
    assert proclitic_forms("وللجيش") == ((0, "وللجيش"), (1, "للجيش"), (2, "لجيش"), (2, "الجيش"), (3, "جيش"))
    assert (1, "بنغازي") in proclitic_forms("وبنغازي")
    assert (1, "لبنان") in proclitic_forms("للبنان")
    assert (1, "يزور") in proclitic_forms("سيزور")
    assert proclitic_forms("من") == ((0, "من"),)
    assert proclitic_forms("و") == ((0, "و"),)
    assert strip_article("الجيش") == "جيش" and strip_article("ال") == "ال"


def test_clitic_reading_offsets_point_at_the_stem_in_the_original() -> None:
    text = "وللجيشِ"
    tokens = tokenize(normalize(text))
    tok = tokens[0]
    stripped, form = tok.readings[3]
    assert form == "الجيش"
    start = tokens.normalized.to_original(tok.nstart + stripped)
    assert text[start : tok.end] == "لجيشِ"


def test_detached_proclitic_before_a_quote_or_with_tatweel() -> None:
    tokens = tokenize(normalize('في تصريح لـ"الاستقلال" أمس'))
    i = [t.form for t in tokens].index("ل")
    assert tokens.is_detached_proclitic(i)
    assert tokens[i + 2].form == "الاستقلال"
    plain = tokenize(normalize("حرف ل وحده"))
    assert not plain.is_detached_proclitic([t.form for t in plain].index("ل"))


def test_between_and_index_at() -> None:
    text = "وصل الوفد إلى بنغازي أمس"
    tokens = tokenize(normalize(text))
    s = text.index("بنغازي")
    assert [tokens[i].text for i in tokens.between(s, len(text))] == ["بنغازي", "أمس"]
    assert tokens[tokens.index_at(s)].text == "بنغازي"


@settings(max_examples=300)
@given(TEXTS)
def test_every_token_slices_to_its_text_and_normalizes_to_its_form(text: str) -> None:
    tokens = tokenize(normalize(text))
    previous = (0, 0)
    for t in tokens:
        assert text[t.start : t.end] == t.text
        # in order; only the words of one expanded ligature share a span
        assert t.start >= previous[1] or (t.start, t.end) == previous
        previous = (t.start, t.end)
        assert t.form and not t.form.isspace()
        # a ligature that expands to several words («ﷺ») gives each of them its whole span
        assert normalize_text(t.text) == t.form or t.form in normalize_text(t.text)
        for _stripped, form in t.readings:
            assert t.key.endswith(form) or form.startswith("ا")  # لل + stem gives back the alef


@settings(max_examples=200)
@given(TEXTS)
def test_no_visible_character_is_lost(text: str) -> None:
    n = normalize(text)
    tokens = tokenize(n)
    covered = "".join(t.form for t in tokens)
    assert covered == "".join(n.text.split())


@pytest.mark.skipif(not tokens_module.HAS_C_SCANNER, reason="the optional C scanner is not built here")
@settings(max_examples=500)
@given(TEXTS)
def test_the_c_scanner_splits_exactly_like_the_regular_expression(text: str) -> None:
    normalized = normalize(text).text
    c_infos, c_bounds = tokens_module._scan_c(normalized)
    py_infos, py_bounds = tokens_module._scan_python(normalized)
    assert c_bounds == py_bounds
    assert c_infos == py_infos


@pytest.mark.skipif(not tokens_module.HAS_C_SCANNER, reason="the optional C scanner is not built here")
def test_the_c_scanner_on_every_kind_of_token() -> None:
    text = "قال O'Neil إن 2.5,3 و1.2. ابن_سينا αβγ ١٢ x’y «نعم» 😀\u00a0آخر\u2003 "
    normalized = normalize(text).text
    assert tokens_module._scan_c(normalized) == tokens_module._scan_python(normalized)
