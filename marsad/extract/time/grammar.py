"""The patterns of Arabic temporal expressions, compiled from the lexicons into one regex.

The tagger matches on the matching key of the normalized text (see :mod:`.lexicon`). A set
lookup over the document's tokens finds the few words that can begin an expression (digits,
month and weekday names, «أمس»، «منذ»، «الساعة»… with their proclitics: :data:`Grammar.triggers`);
one compiled regex is matched there. Each alternative of it is a *family* (a named group) whose
inner groups carry the parts (day, month, year, modifier…). Families are tried in order, so the
longer readings come first («اليوم الأحد 19 مارس» before «اليوم»). When the context rules
reject a candidate, the families after it are tried on their own at the same place
(:data:`Grammar.single`).

A span excludes the proclitics before the expression («وفي اليوم التالي» → «اليوم التالي»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from marsad.extract.time.lexicon import Lexicon, alternation, lexicon

#: the families, in the order they are tried at one position
FAMILIES = ("C", "A", "B", "Q", "N", "E", "W", "T1", "T2", "T3", "U", "V", "S", "P", "D")


@dataclass(frozen=True)
class Grammar:
    patterns: dict[str, str]
    single: dict[str, re.Pattern[str]]
    #: a future verb or marker («سيلتقي»، «من المنتظر»)
    future: re.Pattern[str]
    #: a part of the day after a clock time («التاسعة من مساء اليوم»)
    pod_follow: re.Pattern[str]
    #: token key -> its readings: (offset of the expression in it, the families that can begin there)
    triggers: dict[str, tuple[tuple[int, tuple[str, ...]], ...]]
    #: what may stand between the months of a list («جانفي، فيفري و»)
    month_gap: re.Pattern[str]
    #: the families that can begin with a number
    digit_families: tuple[str, ...]
    _compiled: dict[tuple[str, ...], re.Pattern[str]]

    def regex(self, families: tuple[str, ...]) -> re.Pattern[str]:
        """One regex of these families, in order (compiled once per set of families)."""
        rx = self._compiled.get(families)
        if rx is None:
            rx = re.compile("(?:" + "|".join(f"(?P<{f}>{self.patterns[f]})" for f in families) + ")")
            self._compiled[families] = rx
        return rx


def _patterns(lx: Lexicon) -> dict[str, str]:
    mon = alternation(lx.months)
    hmon = alternation(lx.hijri_months)
    wd = alternation(lx.weekdays)
    wd_bare = alternation(w[2:] for w in lx.weekdays if w.startswith("ال"))
    rel = alternation(k for k in lx.relative_days)
    tonight = alternation(lx.tonight)
    mod = alternation(k for k, v in lx.modifiers.items() if v != "recent")
    mod_all = alternation(lx.modifiers)
    twice = alternation(lx.modifiers_twice)
    cur = alternation(k for k, v in lx.modifiers.items() if v == "current")
    podb = alternation(lx.pod_before)
    poda = alternation(lx.pod_after)
    edge = alternation(lx.edges)
    ordinal = alternation(lx.ordinals)
    ord_f = alternation(lx.ordinals_feminine)
    frac = alternation(lx.fractions)
    cardinal = alternation(lx.cardinals)
    vague = alternation(lx.vague)
    ufrac = alternation(lx.unit_fractions)
    dual_c = alternation(lx.dual_construct)
    unit_sg = alternation(k for k, (_, n) in lx.units.items() if n == "sg")
    unit_du = alternation(k for k, (_, n) in lx.units.items() if n == "du")
    unit_pl = alternation(k for k, (_, n) in lx.units.items() if n == "pl")
    unit_def = alternation(list(lx.definite_units) + list(lx.periods))
    unit_def_sg = alternation(k for k, (_, n) in lx.definite_units.items() if n == "sg")
    unit_def_pl = alternation(k for k, (_, n) in lx.definite_units.items() if n == "pl")
    def_cardinal = alternation("ال" + k for k in lx.cardinals if " " not in k)
    this = alternation(lx.this)
    yw_forms = set()
    for w in lx.year_words:
        yw_forms |= {w, "ل" + w, "ب" + w}
        if w.startswith("ال"):
            yw_forms.add("لل" + w[2:])
    yw = alternation(yw_forms | lx.year_words_dual | {"ل" + w for w in lx.year_words_dual})
    era = alternation(lx.hijri_markers | lx.gregorian_markers)
    nxt = alternation(lx.narrative["next"] | lx.narrative["previous"])
    that = alternation(lx.narrative["that"])
    same = alternation(lx.narrative["same"])
    hours_after = alternation(lx.narrative["hours_after"])
    same_period = alternation(lx.narrative["periods"])
    preps = alternation(lx.prepositions)
    clock_hour = alternation(lx.clock["hour"])
    clock_min = alternation(lx.clock["minute"])
    midday = alternation(lx.clock["midnight"] | lx.clock["noon"])
    refs = alternation(lx.refs)
    every = alternation(lx.every)
    set_adv = alternation(lx.set_adverbs)
    decades = alternation(k[2:] if k.startswith("ال") else k for k in lx.decades)
    century = alternation(lx.century_words)
    cent_ord = alternation(lx.century_ordinals)
    seasons = alternation(lx.seasons)
    quarters = alternation(lx.quarters)
    q_ord = alternation(lx.quarter_ordinals)
    # after a bare unit («منذ سنوات»، «بعد يوم»): the end of the phrase, not a name («أيام قرطاج»)
    follow = (
        r"(?=\s*(?:[^\w\s]|$)|\s+(?:قليله|معدوده|طويله|عديده|عده|فقط|من|علي|في|و|وهو|وهي|ولم|ولا|لم|لا|قد"
        r"|كان|كانت|الي|حتي|مضت|خلت|تقريبا|او|واحد|واحده|اخري|اخر)(?!\w)|\s+[يتن](?!ال)\w{2,}|\s+[وف](?!ال)\w{2,})"
    )
    approx = r"(?:(?:حوالي|نحو|قرابه|زهاء|اكثر\s+من|اقل\s+من|ما\s+يزيد\s+عن|ما\s+يقارب)\s+)?"

    e = r"(?![^\W\d_])"  # word end: no letter follows («الأربعاء16مارس» is three words)
    d2 = r"(?<![\d.,/:])(?:0?[1-9]|[12]\d|3[01])(?![\d:]|[.,]\d)"
    y4 = r"(?<![\d.,/:])(?:1[3-9]\d\d|20\d\d|21\d\d)(?!\d|[.,]\d)"
    n = r"(?<![\d.,])\d{1,4}(?!\d|[.,]\d)"
    hh = r"(?<![\d.,:])(?:[01]?\d|2[0-4])"
    month_slot = (
        rf"(?:(?P<{{p}}mon>{mon}){e}(?:(?:\s*[/(\-]\s*|\s+)(?P<{{p}}mon2>{mon}){e}(?:\s*\))?)?"
        rf"|(?P<{{p}}hmon>{hmon}){e})"
    )
    year_slot = (
        rf"(?:\s*[,،]?\s*(?:من\s+)?(?:{yw}\s*)?(?P<{{p}}year>{y4})(?:\s*(?P<{{p}}era>{era}){e})?"
        rf"|\s+(?P<{{p}}mod>{mod}){e}|\s+من\s+{yw}\s+(?P<{{p}}ymod>{mod}){e})?"
    )
    a_ms = month_slot.format(p="A_")
    a_ys = year_slot.format(p="A_")
    b_ms = month_slot.format(p="B_")
    b_ys = year_slot.format(p="B_")
    return {
        # numeric dates: 17/12/2025 (day first), 2025-12-17
        "C": (
            rf"(?:(?P<C_pod>{podb}){e}\s+)?"
            r"(?<![\d.,/\-])(?:(?P<C_a>\d{1,2})\s?(?P<C_sep>[/.\-])\s?(?P<C_b>\d{1,2})\s?(?P=C_sep)\s?"
            r"(?P<C_y>\d{4}|(?<=/)\d{2})"
            r"|(?P<C_iy>(?:19|20)\d\d)(?P<C_isep>[/.\-])(?P<C_im>\d{1,2})(?P=C_isep)(?P<C_id>\d{1,2}))"
            r"(?![\d/]|[.,\-]\d)"
        ),
        # a day and a month: [صباح] [اليوم] [يوم] [الأحد] 17 [و 18] [من] [شهر] ديسمبر[/ كانون الأول] [2025 | الماضي]
        "A": (
            rf"(?:(?P<A_pod>{podb}){e}\s+)?(?:(?P<A_rel>{rel}){e}\s+)?(?:(?P<A_yawm>يوم|يومي|ايام){e}\s+)?"
            rf"(?:(?P<A_wd>{wd}){e}\s*[,،]?\s*)?(?:(?:يوم|الموافق\s+ل?)\s*)?"
            rf"(?P<A_day>(?:ال)?{d2}|{ordinal}{e}|غره{e}|اول(?:\s+يوم)?{e})"
            rf"(?P<A_more>(?:\s*(?:و|-|الي|حتي|او|،|,|و\s*الي)\s*{d2})*)"
            rf"\s*(?:من\s+)?(?:شهر\s+)?"
            rf"(?:{a_ms}|(?P<A_this>(?:ال|هذا\s+ال)شهر(?:\s+(?P<A_tmod>{mod}))?){e}|(?<=\d\s)(?P<A_cur>{cur}){e})"
            + a_ys
        ),
        # a month without a day: [موفى] [شهر] ماي [2016 | الماضي]
        "B": (
            rf"(?:(?P<B_edge>{edge}){e}\s+)?(?:(?P<B_shahr>شهر|شهري){e}\s+)?" + b_ms + b_ys
        ),
        # quarters, seasons, decades, centuries
        "Q": (
            rf"(?P<Q_q>{quarters})\s+(?P<Q_o>{q_ord}){e}\s*(?:من\s+)?(?:(?P<Q_yw>{yw})\s*)?"
            rf"(?:(?P<Q_y>{y4})|(?P<Q_mod>{mod}){e})?"
            # «الثلاثة أشهر الأخيرة من السنة الماضية»، «الأشهر الستة الأولى من 2017»: a quarter, a half
            rf"|(?:(?:ال)?(?P<Q_mn>ثلاثه|سته|3|6)\s+(?:ال)?(?:اشهر|شهور)|(?:الاشهر|الشهور)\s+(?:ال)(?P<Q_mn2>ثلاثه|سته))"
            rf"\s+(?P<Q_mpos>الاولي|الاخيره|الاخيرة)\s+من\s+(?:{yw}\s*)?(?:(?P<Q_my>{y4})|(?P<Q_mmod>{mod}){e})"
            rf"|(?P<Q_season>{seasons})\s+(?:(?P<Q_sy>{y4})|(?P<Q_smod>{mod}){e})"
            rf"|(?:(?:سنوات|فتره|حقبه|عقد|مطلع|اواخر|منتصف|بدايه|نهايه|اوائل)\s+)?(?:ال)?(?P<Q_dec>{decades}){e}"
            rf"(?:\s+(?:من\s+)?(?P<Q_dcent>{century})\s+(?P<Q_dc>{cent_ord}|{mod}){e})?"
            rf"|(?P<Q_cent>{century})\s+(?:(?P<Q_cord>{cent_ord})|(?P<Q_cmod>{mod})|(?:ال\s*)?(?P<Q_cnum>[1-9]|1\d|2[01])(?!\d)){e}"
        ),
        # narrative anchors: اليوم التالي، ذلك اليوم، اليوم نفسه، الشهر نفسه، العام الموالي، بعد ساعات
        "N": (
            rf"(?:(?P<N_pod>{podb}){e}\s+)?"
            rf"(?:(?:اليوم|يوم)\s+(?P<N_next>{nxt}){e}"
            rf"|(?P<N_that>{that})\s+(?:اليوم|يوم){e}"
            rf"|(?:اليوم|يوم)\s+(?P<N_same>{same}){e})"
            # «نفس الفترة من السنة الماضية»، «نفس الشهر من 2016»، «هذا التاريخ»: the period being told
            rf"|(?:(?P<N_sp>{that}|هذا(?=\s+التاريخ))\s+(?P<N_spw>{same_period})|(?P<N_spw2>{same_period})\s+{same}){e}"
            rf"(?:\s+من\s+(?:(?P<N_yy>{y4})|{yw}\s*(?P<N_yy2>{y4})|{yw}\s+(?P<N_ymod>{mod}){e}))?"
            rf"|(?P<N_punit>{unit_def_sg})\s+(?:(?P<N_psame>{same})|(?P<N_pnext>{nxt})){e}"
            rf"|(?P<N_that2>{that})\s+(?P<N_punit2>{unit_def_sg}){e}"
            rf"|بعد\s+(?:(?P<N_hn>{n}|{cardinal}|{vague})\s+)?(?P<N_hours>{hours_after}){e}"
            rf"(?:\s+(?:قليله|معدوده|قليلا))?"
        ),
        # deictic days: [صباح] [يوم] أمس [الخميس]; الليلة
        "E": (
            rf"(?:(?P<E_pod>{podb}){e}\s+)?(?:(?P<E_yawm>يوم){e}\s+)?(?P<E_rel>{rel}){e}"
            # «أمس الجمعة»، «اليوم (السبت)» as Gulf papers write it
            rf"(?:\s*[,،]?\s*(?P<E_paren>\(\s*)?(?P<E_wd>{wd}){e}(?(E_paren)\s*\)))?"
            rf"|(?P<E_tonight>{tonight})(?:\s+(?P<E_tmod>{mod_all}))?{e}"
        ),
        # weekdays: [صباح] [يوم] الخميس [الماضي]
        "W": (
            rf"(?:(?P<W_pod>{podb}){e}\s+)?(?:(?P<W_yawm>يوم|ليوم){e}\s+)?(?P<W_wd>{wd}){e}"
            rf"(?:\s+(?P<W_mod>{mod}){e})?"
        ),
        # clock times: الساعة 15:00، الساعة العاشرة والنصف صباحا
        "T1": (
            rf"(?P<T1_kw>{clock_hour})(?:\s+|\s*\(\s*)(?:(?P<T1_h>{hh})(?:\s*[:hH.]\s*(?P<T1_m>[0-5]\d))?(?!\d)"
            rf"(?:\s*و\s*(?P<T1_m2>[0-5]?\d)(?!\d)\s*(?:{clock_min}{e})?)?"
            rf"|(?P<T1_hw>{ord_f}){e}(?:\s+(?:و\s*)?(?P<T1_frac>{frac}){e}|\s+و\s*(?P<T1_m3>[0-5]?\d|{cardinal})\s*(?:{clock_min}{e})?"
            rf"|\s+الا\s+(?P<T1_less>ربعا|ربع|ثلثا|ثلث){e})?"
            rf"|(?P<T1_mid>{midday}){e})"
            rf"(?:\s+(?P<T1_pod>{poda}){e}(?:\s*و\s*(?P<T1_m4>[0-5]?\d)(?!\d)\s*(?:{clock_min}{e})?)?)?"
        ),
        # 15:00, 20h30
        "T2": rf"(?P<T2_h>{hh})\s?[:hH]\s?(?P<T2_m>[0-5]\d)(?!\d|[:.,]\d)(?:\s+(?P<T2_pod>{poda}){e})?",
        # an hour with a part of the day: العاشرة صباحا، 10 ليلا
        "T3": (
            rf"(?:(?P<T3_h>{hh})(?!\d)|(?P<T3_hw>{ord_f}){e}(?:\s+(?:و\s*)?(?P<T3_frac>{frac}){e})?)"
            rf"(?:\s+(?P<T3_pod>{poda}){e}|(?=\s+من\s+(?:{podb}){e}))"
            # «عند منتصف الليل»، «منتصف النهار» without «الساعة»
            rf"|(?P<T3_mid>{midday}){e}"
        ),
        # a preposition, a count and a unit: منذ ثلاثة أيام، قبل يومين، خلال الأسبوع الماضي، لمدة شهرين
        "U": (
            rf"(?P<U_prep>{preps}){e}\s+{approx}"
            # «نصف قرن»، «سنة ونصف»، «ثلاث ساعات ونصف»
            rf"(?:(?P<U_frac>{ufrac})\s+(?P<U_funit>{unit_sg}){e}"
            rf"|(?:(?P<U_wn>{n}|{cardinal}){e}\s*)?(?P<U_wunit>{unit_sg}|{unit_du}|{unit_pl}){e}\s+و\s*(?P<U_wfrac>{ufrac}){e}"
            rf"|(?P<U_n>{n}|{cardinal}){e}\s*(?P<U_unit1>{unit_sg}|{unit_pl}){e}"
            rf"|(?P<U_unit2>{unit_du}){e}"
            rf"|(?P<U_vague>{vague})\s+(?P<U_unit3>{unit_pl}|{unit_sg}){e}"
            rf"|(?P<U_def>{unit_def})\s+(?P<U_mod>{mod_all}){e}"
            # «على مدار العام»، «طيلة الشهر»: the period this is, said without a modifier
            rf"|(?P<U_cur>العام|السنه|الشهر|الاسبوع){e}(?=\s*(?:[^\w\s]|$))"
            rf"|(?P<U_unit4>{unit_pl}){e}(?:\s+(?P<U_few>قليله|معدوده|طويله|عديده){e})?{follow}"
            rf"|(?P<U_unit5>{unit_sg}){e}{follow}"
            rf")"
        ),
        # periods and counts without a preposition: الأسبوع الماضي، هذا العام، ثلاثة أيام، يومين
        "V": (
            rf"(?:(?P<V_edge>{edge}){e}\s+)?(?:(?P<V_def2>{unit_def_sg})\s+(?P<V_mod2>{twice}){e}"
            rf"|(?P<V_def>{unit_def})\s+(?P<V_mod>{mod_all}){e}"
            rf"|(?P<V_this>{this})\s+(?P<V_unit>{unit_def}){e}"
            rf"|(?P<V_eunit>العام|السنه|الشهر|الاسبوع){e})"
            # «الأيام الأربعة الأخيرة»: a count of units just past or to come
            rf"|(?P<V_cdef>{unit_def_pl})\s+(?P<V_cn>{def_cardinal}){e}\s+(?P<V_cmod>{mod_all}){e}"
            # «يوم كامل»
            rf"|(?P<V_whole>{unit_sg})\s+(?:كامل|كامله|كاملا|باكمله|باكملها|بكامله){e}"
            rf"|(?P<V_dc>{dual_c}){e}(?=\s+(?!ال)[^\W\d_]{{2}})"
            rf"|(?P<V_frac>{ufrac})\s+(?P<V_funit>{unit_sg}){e}"
            rf"|(?:(?P<V_wn>{n}|{cardinal}){e}\s*)?(?P<V_wunit>{unit_sg}|{unit_du}|{unit_pl}){e}\s+و\s*(?P<V_wfrac>{ufrac}){e}"
            rf"|(?P<V_n>{n}|{cardinal}){e}(?:\s*(?:و|الي|او|-)\s*(?P<V_n2>{n}))?\s*(?P<V_unit1>{unit_pl}|{unit_sg}){e}"
            rf"|(?P<V_unit2>{unit_du}){e}"
        ),
        # recurrences: كل أسبوع، كل يوم أحد، يوميا
        "S": (
            rf"(?:(?P<S_every2>{every})\s+)?ايام\s+(?P<S_wd3>{wd}){e}(?=(?:\s*(?:و|،|,)\s*{wd})*\s*[^\w\s])"
            rf"|(?P<S_every3>{every})\s+ايام\s+(?P<S_wd4>{wd}){e}"
            rf"|(?:ال|(?<=ل)ل)(?P<S_one>يوم|اسبوع|شهر|سنه|عام|ساعه)\s+(?:الواحد|الواحده){e}"
            rf"|(?P<S_every>{every})\s+(?:(?P<S_n>{n}|{cardinal})\s+)?(?:(?P<S_unit>{unit_sg}|{unit_pl}|{unit_du}){e}"
            rf"(?:\s+(?P<S_wd>{wd_bare}){e})?|(?P<S_wd2>{wd}|{wd_bare}){e})"
            rf"|(?P<S_every4>{every})\s+(?P<S_pod>{podb}){e}"
            rf"|(?P<S_adv>{set_adv}){e}"
        ),
        # present, past and future references: الآن، حاليا، مؤخرا، قريبا
        "P": rf"(?P<P_ref>{refs}){e}",
        # years: [موفى] [سنة] 2017 [هـ] [/2018]
        "D": (
            rf"(?:(?P<D_edge>{edge}){e}\s+)?(?:(?P<D_kw>{yw}){e}\s*)?(?P<D_y>{y4})"
            rf"(?:\s*(?P<D_era>{era}){e})?"
            rf"(?:\s*[/\-]\s*(?P<D_y2>{y4}|(?<=[/\-])\d\d(?!\d)))?"
        ),
    }


def _future_pattern(lx: Lexicon) -> str:
    exceptions = alternation(w[1:] for w in lx.context["future_prefix_exceptions"] if w.startswith("س"))
    markers = alternation(lx.context["future_markers"])
    return rf"(?<!\w)(?:[وف]?س(?!{exceptions})[يتنا]\w{{2,}}|{markers})(?!\w)"


#: proclitic letters and pairs a trigger word may carry (و ف ب ل ك and their usual pairs)
PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "فك")
#: stands for any number among a family's first words
DIGITS = "#"


def _family_leads(lx: Lexicon) -> dict[str, set[str]]:
    """The words each family's pattern can begin with (first words of multiword entries)."""

    def firsts(*tables: Any) -> set[str]:
        return {str(w).split(" ")[0] for table in tables for w in table}

    pod, rel, wd = firsts(lx.pod_before), firsts(lx.relative_days), firsts(lx.weekdays)
    edges = firsts(lx.edges)
    sg = {k for k, (_, n) in lx.units.items() if n == "sg"}
    du = {k for k, (_, n) in lx.units.items() if n == "du"}
    yw = set()
    for w in lx.year_words | lx.year_words_dual:
        yw |= {w, "ل" + w, "ب" + w} | ({"لل" + w[2:]} if w.startswith("ال") else set())
    decades = set(lx.decades) | {k[2:] for k in lx.decades if k.startswith("ال")}
    return {
        "C": {DIGITS} | pod,
        "A": {DIGITS, "ال", "يوم", "يومي", "ايام", "الموافق", "غره", "اول"} | pod | rel | wd | firsts(lx.ordinals),
        "B": {"شهر", "شهري"} | edges | firsts(lx.months, lx.hijri_months),
        "Q": {"سنوات", "فتره", "حقبه", "عقد", "مطلع", "اواخر", "منتصف", "بدايه", "نهايه", "اوائل", DIGITS}
        | {"ثلاثه", "سته", "الثلاثه", "السته", "الاشهر", "الشهور"}
        | firsts(lx.quarters, lx.seasons, lx.century_words) | decades,
        "N": {"اليوم", "يوم", "بعد", "هذا"} | pod | firsts(lx.narrative["that"], lx.narrative["periods"])
        | {k for k, (_, n) in lx.definite_units.items() if n == "sg"},
        "E": {"يوم"} | pod | rel | firsts(lx.tonight),
        "W": {"يوم", "ليوم"} | pod | wd,
        "T1": firsts(lx.clock["hour"]),
        "T2": {DIGITS},
        "T3": {DIGITS} | firsts(lx.ordinals_feminine, lx.clock["midnight"], lx.clock["noon"]),
        "U": firsts(lx.prepositions),
        "V": {DIGITS, "العام", "السنه", "الشهر", "الاسبوع"} | edges | firsts(lx.definite_units, lx.periods, lx.this)
        | sg | du | firsts(lx.cardinals, lx.unit_fractions, lx.dual_construct),
        "S": {"ايام", "اليوم", "الاسبوع", "الشهر", "السنه", "العام", "الساعه"} | firsts(lx.every, lx.set_adverbs),
        "P": firsts(lx.refs),
        "D": {DIGITS} | edges | yw,
    }


def _triggers(leads: dict[str, set[str]]) -> dict[str, tuple[tuple[int, tuple[str, ...]], ...]]:
    """Token key → its readings: (where the expression starts in it, after its proclitics; the
    families that can start there, in their order), for every word that can begin one."""
    families_of: dict[str, list[str]] = {}
    for family in FAMILIES:
        for word in leads[family]:
            families_of.setdefault(word, []).append(family)
    out: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for p in PROCLITICS:
        for w, fams in families_of.items():
            if w != DIGITS:
                out.setdefault(p + w, []).append((len(p), tuple(fams)))
    for w, fams in families_of.items():  # the article contracted after ل: «لليوم» = ل + ال + يوم
        if w.startswith("ال") and len(w) > 3:
            for p in ("", "و", "ف"):
                out.setdefault(p + "ل" + "ل" + w[2:], []).append((len(p) + 1, tuple(fams)))
    # a key read several ways («بالعام»: the year word «بالعام», or ب + «العام»): fewest letters
    # stripped first
    return {k: tuple(sorted(options)) for k, options in out.items()}


@cache
def grammar() -> Grammar:
    lx = lexicon()
    patterns = _patterns(lx)
    single = {name: re.compile(f"(?P<{name}>{patterns[name]})") for name in FAMILIES}
    pod_follow = re.compile(rf"\s+(?:من\s+)?(?P<pod>{alternation(lx.pod_before)})(?!\w)")
    month_gap = re.compile(
        rf"(?:[\s,،و\-]|(?:شهر|اشهر|شهري|الي|حتي|غايه)(?![^\W\d_])|{alternation(lx.months)}(?![^\W\d_]))*"
    )
    leads = _family_leads(lx)
    digits = tuple(f for f in FAMILIES if DIGITS in leads[f])
    return Grammar(
        patterns, single, re.compile(_future_pattern(lx)), pod_follow, _triggers(leads), month_gap, digits, {}
    )
