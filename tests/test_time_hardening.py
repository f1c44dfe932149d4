"""The behaviours added while hardening the time stage, each with a control that must not change."""

from __future__ import annotations

from datetime import date

from marsad.doc import Document, TimeExpression
from marsad.pipeline import Pipeline

PIPE = Pipeline(["text", "times"])
PUB = date(2025, 12, 20)  # a Saturday


def tag(text: str, published: date | None = PUB) -> list[tuple[str, str]]:
    doc = Document(text=text, published=published)
    PIPE(doc)
    return [(t.text, t.value) for t in doc.times]


def times(text: str, published: date | None = PUB) -> list[TimeExpression]:
    doc = Document(text=text, published=published)
    PIPE(doc)
    return doc.times


def test_centuries_take_every_ordinal_but_not_other_eras() -> None:
    assert tag("شيد القصر في القرن الثامن عشر.") == [("القرن الثامن عشر", "17")]
    assert tag("يعود المسجد إلى القرن السابع.") == [("القرن السابع", "06")]
    assert tag("تواجه المدن تحديات القرن الـ21.") == [("القرن الـ21", "20")]
    assert tag("ازدهر العلم في القرن الرابع الهجري.") == []
    assert tag("عاش الفيلسوف في القرن الخامس قبل الميلاد.") == []


def test_midnight_and_noon_without_the_word_hour() -> None:
    assert tag("فرض حظر التجول عند منتصف الليل.") == [("منتصف الليل", "2025-12-20T00:00")]
    assert tag("أغلقت الأسواق منتصف النهار.") == [("منتصف النهار", "2025-12-20T12:00")]
    # after an hour, «بعد منتصف الليل» stays the part of the day of that hour
    assert tag("وقع الحادث الساعة الثانية بعد منتصف الليل.") == [("الساعة الثانية بعد منتصف الليل", "2025-12-20T02:00")]


def test_colloquial_today_and_yesterday() -> None:
    assert tag("قال أحد السكان: امبارح ما نمنا.") == [("امبارح", "2025-12-19")]
    assert tag("قال المتحدث النهارده إن الأزمة انتهت.") == [("النهارده", "2025-12-20")]
    t = times("قال أحد السكان: امبارح ما نمنا.", None)
    assert [(x.value, x.anchor) for x in t] == [("PAST_REF", "unresolved")]


def test_from_now_counts_from_the_publication_date() -> None:
    assert tag("ستنتهي الأشغال بعد ثلاثة أشهر من الآن.") == [("بعد ثلاثة أشهر من الآن", "2026-03")]
    assert tag("وقع ذلك قبل عشر سنوات من الآن.") == [("قبل عشر سنوات من الآن", "2015")]
    # «من اليوم الأول …» is an event, not today
    assert all(v != "2025-12-22" for _, v in tag("يعلن الفائز بعد يومين من اليوم الأول للمؤتمر."))


def test_day_of_the_current_month() -> None:
    assert tag("يبدأ التسجيل يوم 20 الجاري.") == [("يوم 20 الجاري", "2025-12-20")]
    assert tag("وصل الوفد في 12 الجاري.") == [("12 الجاري", "2025-12-12")]
    assert tag("وفق الفصل 20 الجاري به العمل.") == []


def test_a_range_takes_the_year_that_closes_it() -> None:
    assert tag("يقام المهرجان من 28 فبراير إلى 3 مارس 2024.") == [("28 فبراير", "2024-02-28"), ("3 مارس 2024", "2024-03-03")]
    assert tag("من ديسمبر إلى فبراير 2024 تراجعت الصادرات.") == [("ديسمبر", "2023-12"), ("فبراير 2024", "2024-02")]


def test_hours_back_count_whole_days() -> None:
    assert tag("انقطعت الكهرباء منذ 48 ساعة.") == [("منذ 48 ساعة", "2025-12-18")]
    assert tag("انقطعت الكهرباء منذ خمس ساعات.") == [("منذ خمس ساعات", "2025-12-20")]


def test_fractions_of_units() -> None:
    assert tag("توقفت الجلسة نصف ساعة.") == [("نصف ساعة", "PT30M")]
    assert tag("استمر الاجتماع ساعة ونصف.") == [("ساعة ونصف", "PT90M")]
    assert tag("انتظر ثلاث ساعات ونصف.") == [("ثلاث ساعات ونصف", "PT210M")]
    assert tag("سجن لمدة عام ونصف.") == [("عام ونصف", "P18M")]
    assert tag("غادر المدينة قبل سنة ونصف.") == [("قبل سنة ونصف", "2024-06")]
    assert tag("بني السد منذ نصف قرن في الوادي.") == [("منذ نصف قرن", "1975")]
    assert tag("قال إن نصف ساعات العمل ضاعت.") == []


def test_every_part_of_the_day_is_a_set() -> None:
    assert tag("يتجمع المحتجون كل مساء أمام البرلمان.") == [("كل مساء", "XXXX-XX-XXTEV")]
    assert tag("يتجمع المحتجون كل يوم أمام البرلمان.") == [("كل يوم", "P1D")]


def test_an_hour_before_a_part_of_the_day() -> None:
    assert tag("وصل الموكب في التاسعة من مساء اليوم.") == [("التاسعة", "2025-12-20T21:00"), ("مساء اليوم", "2025-12-20TEV")]
    assert tag("احتفل الطفل بعيد ميلاده في الثانية من عمره.") == []


def test_the_last_quarter_and_half() -> None:
    assert tag("تراجع العجز في الربع الأخير من 2024.") == [("الربع الأخير من 2024", "2024-Q4")]
    assert tag("تحسن الأداء في السداسي الأخير من 2024.") == [("السداسي الأخير من 2024", "2024-H2")]


def test_ghada_the_verb_is_not_tomorrow() -> None:
    assert tag("غدا الوضع أكثر تعقيدا بعد الانسحاب.") == []
    assert tag("وقد غدا الأمر واضحا.") == []
    assert tag("وغدا يصل الوفد إلى العاصمة.") == [("غدا", "2025-12-21")]
    assert tag("غدا الاجتماع الحاسم سيعقد في القصر.") == [("غدا", "2025-12-21")]
    assert tag("قال: غدا الأحد نلتقي.") == [("غدا الأحد", "2025-12-21")]


def test_eleven_and_names_are_not_dates() -> None:
    assert tag("دخل الأحد عشر لاعبا أرض الملعب.") == []
    assert tag("تعالج المريضة في مستشفى مايو كلينك.") == []
    assert tag("التقى الوزير الأحد نظيره.") == [("الأحد", "2025-12-14")]
    assert tag("ارتفعت الأسعار في مايو.") == [("مايو", "2025-05")]


def test_weekday_in_parentheses() -> None:
    assert tag("أعلنت الوزارة اليوم (السبت) تسجيل إصابات.") == [("اليوم (السبت)", "2025-12-20")]
    assert tag("وقع الحادث مساء أمس (الجمعة).") == [("مساء أمس (الجمعة)", "2025-12-19TEV")]


def test_a_month_without_a_year_is_the_last_one_unless_the_future_is_told() -> None:
    assert tag("ارتفعت الأسعار في مايو.") == [("مايو", "2025-05")]
    assert tag("ستنظم الانتخابات في مايو.") == [("مايو", "2026-05")]
    assert tag("وصل الوفد يوم 3 يونيو.") == [("يوم 3 يونيو", "2025-06-03")]
    # the last occurrence is too far back: the nearest one
    assert tag("تعقد الدورة في مارس.", date(2025, 1, 5)) == [("مارس", "2025-03")]


def test_after_an_event_in_the_same_clause_is_the_date_of_the_clause() -> None:
    text = "صوت البرلمان، أمس الجمعة، على القانون، بعد يومين من مقتل الزعيم."
    assert tag(text)[-1] == ("بعد يومين", "2025-12-19")
    text = "عاد اللاعب يوم 3 مارس 2024 إلى الملعب بعد ستة أشهر من الإصابة."
    assert tag(text)[-1] == ("بعد ستة أشهر", "2024-03")
    # a new clause counts on from the date told
    text = "وصل الوفد في 5 يناير 2023، وبعد يومين من وصوله عقد مؤتمرا."
    assert tag(text)[-1] == ("بعد يومين", "2023-01-07")


def test_today_in_quoted_words_is_the_day_they_were_said() -> None:
    assert tag('قال الوزير، أمس الجمعة، إن الحدود ستفتح "ابتداء من اليوم".')[-1] == ("اليوم", "2025-12-19")
    assert tag("قال الوزير أمس الجمعة: «سنلتقي غدا».")[-1] == ("غدا", "2025-12-20")
    assert tag('قال الوزير إن الحدود ستفتح "ابتداء من اليوم".') == [("اليوم", "2025-12-20")]
    assert tag('قال المحلل لقناة "روسيا اليوم" إن الوضع معقد.') == []


def test_the_general_director_is_not_a_year() -> None:
    assert tag("اعتقل المدير العام السابق للشركة.") == []
    assert tag("تأسس الحزب عام 2015، وفي العام السابق كان حركة.")[-1] == ("العام السابق", "2014")


def test_a_conjunction_between_keeps_counting_from_the_date() -> None:
    text = "وصل الوفد في 5 يناير 2023، وعقد بعد يومين من وصوله مؤتمرا."
    assert tag(text)[-1] == ("بعد يومين", "2023-01-07")
    text = "وقعت الحادثة في 14 جانفي 2011 و تتواصل الأحداث بعد 3 سنوات من هذا التاريخ."
    assert dict(tag(text))["بعد 3 سنوات"] == "2014"


def test_throughout_the_period_without_a_modifier() -> None:
    assert tag("يتطلع لنشر ما سيتعلمه على مدار العام.") == [("العام", "2025")]
    assert tag("تراجعت المبيعات طيلة الشهر.") == [("الشهر", "2025-12")]
    assert tag("في 2015 تراجعت المبيعات على مدار العام.") == [("2015", "2015"), ("العام", "2015")]
    assert tag("يعمل المركز على مدار الساعة.") == []
    assert tag("تبدأ الدروس خلال العام الدراسي.") == []


def test_dual_in_construct() -> None:
    assert tag("سيتمتع اللاعبون بيومي راحة قبل المباراة.") == [("يومي", "P2D")]
    assert tag("يحصل العمال على يومي عطلة.") == [("يومي", "P2D")]
    assert tag("هذا عمل يومي شاق.") == []
    assert ("يومي", "P2D") not in tag("يقام المهرجان يومي الجمعة والسبت.")


def test_the_one_before_last_and_after_next() -> None:
    assert tag("عقد اللقاء الأسبوع قبل الماضي.") == [("الأسبوع قبل الماضي", "2025-W49")]
    assert tag("فاز الحزب العام قبل الماضي.") == [("العام قبل الماضي", "2023")]
    assert tag("تنطلق الأشغال الشهر بعد المقبل.") == [("الشهر بعد المقبل", "2026-02")]
    assert tag("فاز الحزب العام الماضي.") == [("العام الماضي", "2024")]
