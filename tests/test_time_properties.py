"""Property tests of the time tagger: valid TIMEX3 values, dates that exist, no clock."""

from __future__ import annotations

import ast
import calendar
import re
from datetime import date, timedelta
from importlib import resources

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from marsad.contract import valid_timex
from marsad.doc import Document
from marsad.extract.time import tagger as tagger_module
from marsad.extract.time import timex
from marsad.extract.time.tagger import TimeTagger

TAGGER = TimeTagger()

MONTHS = {  # one spelling per system, enough to vary the forms
    "standard": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
    "levantine": ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"],
    "maghrebi": ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
    "moroccan": ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"],
}
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
# TIMEX3 shapes, written independently of marsad.extract.time.timex
_DATE = re.compile(
    r"PRESENT_REF|PAST_REF|FUTURE_REF|(?:\d{4}|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?)?"
    r"|(?:\d{4}|XXXX)-W(?:\d{2}|XX)(?:-WE|-[1-7])?|\d{4}-(?:SP|SU|FA|WI|Q[1-4]|H[12])|\d{2,3}"
)
_TIME = re.compile(r"(?:\d{4}|XXXX)-(?:\d{2}|XX)-(?:\d{2}|XX)T(?:MO|MI|AF|EV|NI|DT|(?:[01]\d|2[0-4]):[0-5]\d)")
_DURATION = re.compile(r"P(?:(?:\d+|X)(?:Y|M|W|D|DE|CE)|T(?:\d+|X)(?:H|M|S))")
# a set is a period (P1W), a weekday (XXXX-WXX-5) or a part of every day (XXXX-XX-XXTEV, «كل مساء»)
_SHAPES = {
    "DATE": _DATE, "TIME": _TIME, "DURATION": _DURATION,
    "SET": re.compile(f"{_DURATION.pattern}|XXXX-WXX-[1-7]|XXXX-XX-XXT(?:MO|MI|AF|EV|NI)"),
}


def tag(text: str, published: date | None = None) -> list:  # type: ignore[type-arg]
    return TAGGER.tag(Document(text=text, published=published))


def check_values(text: str, published: date | None = None) -> list:  # type: ignore[type-arg]
    times = tag(text, published)
    previous_end = 0
    for t in times:
        assert _SHAPES[t.type].fullmatch(t.value), (t.type, t.value, text)
        assert timex.is_valid(t.type, t.value), t
        assert valid_timex(t.value), t  # the output contract's own check
        for y, mo, d in re.findall(r"(\d{4})-(\d{2})-(\d{2})", t.value):  # every full date exists
            date(int(y), int(mo), int(d))
        assert 0 <= t.start < t.end <= len(text) and text[t.start : t.end] == t.text
        assert t.start >= previous_end  # sorted, no overlaps
        previous_end = t.end
    return times


dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))
pubs = st.one_of(st.none(), st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)))


@settings(max_examples=150, deadline=None)
@given(d=dates, system=st.sampled_from(sorted(MONTHS)), form=st.integers(0, 5), indic=st.booleans())
def test_written_dates_resolve_to_themselves(d: date, system: str, form: int, indic: bool) -> None:
    name = MONTHS[system][d.month - 1]
    other = MONTHS["levantine" if system != "levantine" else "standard"][d.month - 1]
    day, year = str(d.day), str(d.year)
    written = [
        f"{day} {name} {year}",
        f"{day} {name}/ {other} {year}",
        f"{WEEKDAYS[d.weekday()]} {day} {name} {year}",
        f"{day}/{d.month:02d}/{year}",
        f"{year}-{d.month:02d}-{d.day:02d}",
        f"يوم {day} من شهر {name} سنة {year}",
    ][form]
    if indic:
        written = written.translate(INDIC)
    text = f"أعلنت الهيئة في {written} عن نتائج أعمالها."
    times = check_values(text)
    assert [t.value for t in times] == [d.isoformat()], (text, times)
    assert written in text[times[0].start : times[0].end] or text[times[0].start : times[0].end] in written


_IMPOSSIBLE = [(2, 30), (2, 31), (4, 31), (6, 31), (9, 31), (11, 31)]


@settings(max_examples=150, deadline=None)
@given(year=st.integers(1950, 2090), month_day=st.sampled_from([*_IMPOSSIBLE, (2, 29)]), system=st.sampled_from(sorted(MONTHS)))
def test_dates_that_cannot_exist_are_not_emitted(year: int, month_day: tuple[int, int], system: str) -> None:
    month, day = month_day
    assume(day > calendar.monthrange(year, month)[1])
    name = MONTHS[system][month - 1]
    for written in (f"{day} {name} {year}", f"{day} {name}", f"{day}/{month:02d}/{year}"):
        for t in check_values(f"صدر القرار في {written} بالعاصمة."):
            assert not t.value.startswith(f"{year}-{month:02d}"), (written, t)
    assert check_values(f"صدر القرار بتاريخ {day}/13/{year}.") == []


_WORDS = (
    "في من إلى أمس اليوم غدا الأحد الاثنين الجمعة يوم ليلة صباح مساء الساعة العاشرة صباحا منذ قبل بعد خلال "
    "ثلاثة أيام يومين أسبوع الأسبوع الماضي المقبل الجاري الشهر العام السنة عام سنة هذا كل يوميا مارس ماي "
    "جوان أوت ديسمبر كانون الأول تموز رمضان شوال هـ شهر نفس الفترة التالي ذلك نهاية موفى مطلع الآن حاليا "
    "القرن الثمانينات صائفة الثلاثي / - : ، . و الوزير قال إن الحكومة 15:00 ظهر عقدين عقود"
).split()


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.one_of(st.sampled_from(_WORDS), st.integers(0, 2100).map(str)), min_size=1, max_size=25),
    published=pubs,
)
def test_any_text_gives_valid_values_and_clean_spans(words: list[str], published: date | None) -> None:
    check_values(" ".join(words), published)


@settings(max_examples=100, deadline=None)
@given(published=st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)), n=st.integers(2, 10))
def test_deictic_words_count_from_the_publication_date(published: date, n: int) -> None:
    text = f"أعلن الوزير أمس أن اللجنة اجتمعت منذ {n} أيام، وقال إن الأسبوع الماضي كان صعبا."
    got = {t.text: t.value for t in check_values(text, published)}
    assert got["أمس"] == (published - timedelta(days=1)).isoformat()
    assert got[f"منذ {n} أيام"] == (published - timedelta(days=n)).isoformat()
    assert got["الأسبوع الماضي"] == timex.iso_week(published - timedelta(days=7))


class _OtherDay(date):
    """A ``date`` whose clock says another day: resolution must not notice."""

    @classmethod
    def today(cls) -> _OtherDay:
        return cls(1999, 1, 1)


_CLOCK_TEXT = (
    "قال الوزير اليوم إن اللجنة اجتمعت أمس والأحد الماضي، وستجتمع يوم 5 أفريل والشهر المقبل، "
    "منذ ثلاثة أيام، وفي 19 جويلية، ثم الساعة العاشرة صباحا."
)


@pytest.mark.parametrize("published", [None, date(2017, 3, 15)])
@pytest.mark.parametrize("tz", ["UTC", "Pacific/Kiritimati", "America/Adak"])
def test_resolution_ignores_the_clock_and_the_time_zone(
    monkeypatch: pytest.MonkeyPatch, published: date | None, tz: str
) -> None:
    import time

    expected = [(t.start, t.value) for t in tag(_CLOCK_TEXT, published)]
    monkeypatch.setenv("TZ", tz)
    time.tzset()
    monkeypatch.setattr(tagger_module, "date", _OtherDay)
    monkeypatch.setattr(timex, "date", _OtherDay)
    try:
        assert [(t.start, t.value) for t in tag(_CLOCK_TEXT, published)] == expected
    finally:
        monkeypatch.undo()
        time.tzset()
    if published is None:
        assert all(not re.match(r"\d{4}-\d{2}-\d{2}", v) or v.startswith("XXXX") for _, v in expected if "-04-05" not in v)


def test_the_time_package_never_reads_the_clock() -> None:
    banned = {"today", "now", "utcnow", "time", "localtime", "gmtime", "monotonic", "perf_counter"}
    package = resources.files("marsad.extract.time")
    for entry in package.iterdir():
        if not entry.name.endswith(".py"):
            continue
        tree = ast.parse(entry.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                assert node.func.attr not in banned, f"{entry.name}:{node.lineno} calls .{node.func.attr}()"
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                assert "time" not in names, f"{entry.name}:{node.lineno} imports time"


@pytest.mark.parametrize(
    ("type_", "value", "ok"),
    [
        ("DATE", "2025-12-17", True), ("DATE", "2025-02-29", False), ("DATE", "2024-02-29", True),
        ("DATE", "2025-13", False), ("DATE", "XXXX-02-30", False), ("DATE", "2025-W53", True),
        ("DATE", "198", True), ("DATE", "PRESENT_REF", True), ("TIME", "2025-12-17T24:30", False),
        ("TIME", "2025-12-17TMO", True), ("DURATION", "P3D", True), ("DURATION", "P", False),
        ("SET", "XXXX-WXX-7", True), ("SET", "2025-12-17", False),
    ],
)
def test_timex_validation(type_: str, value: str, ok: bool) -> None:
    assert timex.is_valid(type_, value) is ok
