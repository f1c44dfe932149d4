"""Speaker attribution patterns of Arabic news the quote stage must read: clause links before a
second speaker, long title chains before a name, quote-first sources, statements of bodies and
transcripts (sentences written for these tests; entities set by hand)."""

from __future__ import annotations

from tests.events_support import analyze
from tests.test_quotes_speakers import quote_with, speaker_of


def test_a_verb_after_a_clause_link_starts_a_new_attribution() -> None:
    doc = analyze(
        "وقال سالم الحداد إن الحوار متوقف منذ أسابيع، فيما أكد كمال العبيدي أن اللقاء القادم سيعقد في الرباط.",
        [("سالم الحداد", "PERSON"), ("كمال العبيدي", "PERSON"), ("الرباط", "GPE")],
    )
    assert speaker_of(doc, "اللقاء القادم") == "كمال العبيدي"
    first = quote_with(doc, "الحوار متوقف")
    assert first.text.endswith("منذ أسابيع") and "فيما" not in first.text


def test_bainama_also_links_a_second_speaker() -> None:
    doc = analyze(
        "وقالت نادية الشامي إن الأسعار سترتفع قريبا، بينما رأى فؤاد الحلبي أن السوق ستستقر قبل الصيف.",
        [("نادية الشامي", "PERSON"), ("فؤاد الحلبي", "PERSON")],
    )
    assert speaker_of(doc, "الأسعار سترتفع") == "نادية الشامي"
    assert speaker_of(doc, "السوق ستستقر") == "فؤاد الحلبي"


def test_a_clause_ending_in_a_short_quotation_is_one_indirect_quote() -> None:
    doc = analyze(
        'وقال حسن البنا الصغير إن القرار "لا يخدم مصلحة أحد" في المنطقة.',
        [("حسن البنا الصغير", "PERSON")],
    )
    q = quote_with(doc, "لا يخدم")
    assert q.kind == "indirect" and q.text.startswith("القرار")
