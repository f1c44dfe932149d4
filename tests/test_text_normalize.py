"""normalize(): what it folds, and the offset map back to the original (property-tested)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.normalize import fold_key, match_key, normalize, normalize_text

# characters an adversarial article may mix: Arabic letters and marks, Latin, digits of three
# systems, presentation forms, bidi and format controls, emoji, white space
ALPHABET = st.sampled_from(
    list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآٱىةؤئ")
    + list("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640\u0653\u0654")
    + list("abcXYZé")
    + list("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴")
    + list("\ufefb\ufef7\ufe8d\ufe8e\ufdf2\ufdfa\ufe70\ufe71\ufb50")
    + list("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2069\ufeff\u061c")
    + list(" \n\t.,،؛؟!«»“”\"'()-")
    + ["😀", "\U0001f1f1", "\U0001f1fe", "\u0301"]
)
TEXTS = st.text(alphabet=ALPHABET, max_size=80) | st.text(max_size=40)


def test_folds_diacritics_tatweel_and_alef_forms() -> None:
    assert normalize("تُوّجَ").text == "توج"
    assert normalize("أحمد إبراهيم آمال ٱلكتاب").text == "احمد ابراهيم امال الكتاب"
    assert normalize("جمــيل").text == "جميل"
    assert normalize("هٰذا").text == "هذا"


def test_digits_presentation_forms_and_controls() -> None:
    assert normalize("عام ٢٠٢٥ و۱۴۰۳").text == "عام 2025 و1403"
    assert normalize("\ufefb").text == "لا"  # lam-alef ligature becomes two letters
    assert normalize("\ufeffمرحبا\u200f \u202bنص\u202c").text == "مرحبا نص"


def test_latin_keeps_its_letters_and_the_key_folds_more() -> None:
    assert normalize("The News International").text == "The News International"
    assert match_key("مدرسة مستشفى مؤسسة رئيس The") == "مدرسه مستشفي مءسسه رءيس the"
    assert fold_key(normalize_text("المدرسةُ")) == "المدرسه"


def test_offsets_map_back_to_the_original_span() -> None:
    text = "وصلَ الوفدُ إلى بنغازي"
    n = normalize(text)
    start = n.text.index("بنغازي")
    s, e = n.span_to_original(start, start + len("بنغازي"))
    assert text[s:e] == "بنغازي"
    s, e = n.span_to_original(0, 3)
    assert text[s:e] == "وصلَ"  # the last diacritic belongs to the word


def test_expansion_maps_every_produced_letter_to_the_ligature() -> None:
    text = "x\ufefby"
    n = normalize(text)
    assert n.text == "xلاy"
    assert [n.to_original(i) for i in range(len(n.text) + 1)] == [0, 1, 1, 2, 3]
    assert n.span_to_original(1, 3) == (1, 2)


def test_plain_text_has_an_identity_map() -> None:
    n = normalize("نص عادي بلا تشكيل")
    assert n.is_identity
    assert n.from_original(5) == 5


@settings(max_examples=300)
@given(TEXTS)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once
    assert normalize_text(text) == once
    assert match_key(match_key(text)) == match_key(text)


@settings(max_examples=300)
@given(TEXTS)
def test_every_normalized_offset_maps_inside_the_original(text: str) -> None:
    n = normalize(text)
    previous = 0
    for i in range(len(n.text) + 1):
        o = n.to_original(i)
        assert 0 <= o <= len(text)
        assert o >= previous  # monotone
        previous = o
    assert n.to_original(len(n.text)) <= len(text)
    for i in range(1, len(n.text) + 1):
        assert n.to_original(i - 1) < n.to_original_end(i) <= len(text)


@settings(max_examples=300)
@given(TEXTS)
def test_each_normalized_char_comes_from_its_original_char(text: str) -> None:
    n = normalize(text)
    for i, ch in enumerate(n.text):
        o = n.to_original(i)
        assert ch in normalize_text(text[o]) or normalize_text(text[o]) == ch


@settings(max_examples=200)
@given(TEXTS)
def test_from_original_is_a_right_inverse(text: str) -> None:
    n = normalize(text)
    for i in range(len(n.text)):
        assert n.from_original(n.to_original(i)) <= i
