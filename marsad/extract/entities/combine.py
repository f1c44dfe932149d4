"""The statistical recognizer's names, combined with the knowledge base and the rules.

The model (:mod:`marsad.extract.entities.model`, a CRF trained by this project) tags every
sentence. Its names serve twice:

* as **evidence** for the rules: a name after a role title or a given name that no list calls a
  name («الأمين العام للمنظمة سحب التقرير» is not one, «وقالت جين كونورز» is) is kept when the
  model also reads a person there (:meth:`ModelView.agrees`);
* as **mentions** where the knowledge base and the rules found nothing: a predicted name that
  overlaps none of their mentions is added (method ``model``) when its score reaches the
  threshold of its type and it is not a lone function word. The thresholds were chosen by a
  grid over the development set and the quality-gate fixtures with the recognizer retrained on
  news (docs/quality.md, ## Entities): each source adds recall without losing precision; the
  figures move by a mention or two across the grid, GPE 0.8 is the one step that gains.
"""

from __future__ import annotations

from typing import Any

from marsad.extract.entities.candidates import Cand
from marsad.extract.entities.view import DocView

#: the lowest score (the weakest token marginal) a model name needs to become a mention
MIN_SCORE = {"PERSON": 0.4, "ORG": 0.6, "GPE": 0.8, "LOC": 0.7, "FAC": 0.7}
#: an organization the model reads without a head noun we know needs this score
ORG_WITHOUT_HEAD = 0.9


class ModelView:
    """The model's names over one document, by token."""

    def __init__(self, tagger: Any, v: DocView) -> None:
        from marsad.extract.entities.model import clitic_letters, prediction_span

        self.cands: list[Cand] = []
        self.type_at: list[str | None] = [None] * v.n
        doc = v.doc
        for p in tagger.tag(doc):
            span = prediction_span(doc, p, tagger.name_starts)
            first, end = span.first, span.last + 1
            if end <= first:
                continue
            strip = clitic_letters(v.infos[first], tagger.name_starts) if v.is_arabic(first) else 0
            c = Cand(first, end, strip, p.type, "model", "model", score=p.score)
            c.name = v.clean_text(first, end, strip)
            self.cands.append(c)
            for t in range(first, end):
                self.type_at[t] = p.type

    def agrees(self, i: int, j: int, etype: str) -> bool:
        """True when the model reads ``etype`` on most of the tokens ``[i, j)``."""
        if j <= i:
            return False
        hits = sum(1 for t in range(i, j) if self.type_at[t] == etype)
        return hits * 2 > j - i


def model_candidates(mv: ModelView, v: DocView, rules: Any) -> list[Cand]:
    """The model's names that may fill the gaps the knowledge base and the rules left:

    * a score at or above the type's threshold (``MIN_SCORE``);
    * not a lone function word, reporting verb, qualifier or generic noun, nor a nationality
      adjective agreeing with the noun before it («العاصمة السورية»), nor one word that is a
      knowledge-base name the matcher did not keep there («القوة القاهرة»);
    * a person's name without the titles the model left at its edges («عماد مغنية القيادي»), and
      never the quoted title of a work («فيلم "حياة أديل"»);
    * an organization that opens with a head noun only when the rule for that head accepts its
      complement («القوات الأمنية» is not a name, «هيئة كبار العلماء» is); one without a known
      head only with a score of ``ORG_WITHOUT_HEAD`` («فريق الدفاع», «المصلحة العليا»)."""
    out = []
    for c in mv.cands:
        if c.score < MIN_SCORE.get(c.type, 1.0):
            continue
        if c.type == "PERSON" and rules.quoted_work(v, c.i, c.j):
            continue  # «فيلم "حياة أديل"»: the quoted title of a work
        if c.type == "PERSON":
            _trim_titles(c, v, rules)
            if c.j <= c.i or any(t in rules.in_title for t in range(c.i, c.j)) or c.i in rules.in_role:
                continue  # «المتحدث باسم الداخلية» holds no name «باسم»; «لشؤون السياحة» is a role's
        if c.j - c.i == 1 and v.is_arabic(c.i):
            if any(f in rules.kb.alias_index for _s, f in v.readings(c.i)):
                continue  # a knowledge-base name the matcher did not keep here («القوة القاهرة»)
            w = v.word(c.i)
            if w.stop or w.report_verb or w.qualifier or w.generic or (
                w.adjective and rules.agrees_with_noun(v, c.i)
            ):
                continue
            if c.type == "ORG" and v.keys[c.i].startswith("ال") and rules.head_at(v, c.i) is not None:
                continue  # «الجيش», «الشرطة» alone
            if c.type == "PERSON" and w.definite and w.given < 0:
                continue  # «اللقاء», «الترجي»: a family name alone is found by coreference, if at all
        if all(not (v.is_arabic(t) or v.is_latin(t)) for t in range(c.i, c.j)):
            continue
        if c.type != "PERSON" and c.i in rules.not_place_at:
            continue  # «وأدى الخلاف», «مجلس وزاري مضيق»: the rules read no place noun there
        if c.type == "ORG" and not rules.model_org_ok(v, c):
            continue
        if c.type == "ORG" and rules.office_after_election_word(v, c):
            continue  # «انتخابات الرئاسة الفرنسية», «المرشح للرئاسة الفرنسية»: the office run for
        if not _name_like(c, v, rules):
            continue
        out.append(c)
    return out


#: proclitics after which a word is read as a preposition's object, not a name («بكامل»)
_PREPOSITION_CLITICS = frozenset("بك")
#: word endings that are not a name's: a pronoun suffix («يستهدفها»), a plural or a relational
#: adjective (handled by the caller for one-word names)
_PRONOUN_SUFFIXES = ("ها", "هم", "هما", "كم")
_PLURALS = ("ين", "ون", "ات")


def _name_like(c: Cand, v: DocView, rules: Any) -> bool:
    """Whether the tokens of a recognizer's name could be a name at all (the recognizer also
    tags phrases such as «بكامل تراب الجمهورية», «برقية الإضراب», «الجنوب كما»):

    * at most four words, none of them a function word (after ل, ب or ك too: «لهذه»);
    * no word but the first opens with a preposition and the article («بالتنسيق», «للإستهلاك»);
    * a person's name does not start after the prepositions ب or ك (nor ل, unless a given name
      follows: «لصخر الماطري»), and has no plural or
      relational definite word («ترهيب الصحفيين», «دائرة الانتاج الحيواني»);
    * no word ends with a pronoun suffix («يستهدفها»);
    * one word alone is not a relational adjective («الجزائية», «أثري», «ايطالية»), and a place
      named by one word is not followed by a nationality adjective («القطر الليبي»: a description);
    * a place that opens with a place noun is not followed by a generic word or an indefinite
      adjective («ساحة عامة», «ملعب بلدي»)."""
    n = c.j - c.i
    if n > 4:
        return False
    for t in range(c.i, c.j):
        if not v.is_arabic(t):
            continue
        w = v.word(t)
        key = v.keys[t]
        if t > c.i and (w.stop or any(f in rules.lex.stops for s, f in v.readings(t) if s == 1 and key[:1] in "لبك")):
            return False  # «الجنوب كما», «رمضان لهذه السنة»
        if t > c.i and (key[:3] in ("بال", "كال", "وال", "فال") or key[:2] == "لل") and not (
            c.type == "PERSON" and v.is_arabic(t - 1) and v.word(t - 1).given >= 0
        ):
            return False  # «القصرين بالتنسيق»; a family name «بالطيب» after a given name is one
        if len(key) >= 5 and key.endswith(_PRONOUN_SUFFIXES) and w.given < 0:
            return False
        if c.type == "PERSON" and t > c.i and w.definite and w.given < 0 and (
            key.endswith(_PLURALS) or key.endswith(("يه",)) or w.adjective or w.generic
        ):
            return False
    first = c.i
    if v.is_arabic(first):
        key = v.keys[first]
        if any(f in rules.lex.numbers for _s, f in v.readings(first)):
            return False  # «ثلاثة أهداف»: a count
        if c.type == "PERSON" and c.strip and (
            key[:1] in _PREPOSITION_CLITICS or (key[:1] == "ل" and v.word(first).given < 0)
        ):
            return False  # «بكامل تراب الجمهورية», «لإيداع المواضيع»
        if n == 1:
            w = v.word(first)
            if w.adjective or (key.endswith(("ي", "يه")) and w.given < 0):
                return False
            if c.type in ("GPE", "LOC") and v.is_arabic(c.j) and v.word(c.j).adjective and v.word(c.j).definite:
                return False
        if c.type in ("GPE", "LOC", "FAC"):
            m = rules.lex.place_nouns.longest(v.keys, v.readings(first), first)
            if m is not None and m[0] < c.j and v.is_arabic(m[0]):
                nxt = v.keys[m[0]]
                if nxt in rules.lex.place_generic or "ال" + v.content_key(m[0]) in rules.lex.place_generic or (
                    not v.word(m[0]).definite and nxt.endswith(("ي", "يه")) and v.word(m[0]).given < 0
                ):
                    return False  # «ساحة عامة», «ملعب بلدي»: a place noun and an adjective
                if _indefinite_description(v, rules, m[0], c.j, m[2]):
                    return False  # «ساحة مفتوحة», «سجن مهجور»: a common noun and its adjective
    return True


def _proper_word(v: DocView, rules: Any, t: int) -> bool:
    """Whether token ``t`` could be (part of) a proper name: not Arabic (a Latin name, a number),
    a given name, or a name of the knowledge base."""
    if not v.is_arabic(t):
        return True
    w = v.word(t)
    return w.given >= 0 or w.place_first or w.connector or any(
        f in rules.kb.alias_index for _s, f in v.readings(t)
    )


def _adjective_shape(key: str) -> bool:
    """A word shaped like the passive participle مفعول/مفعولة («مفتوح», «مهجورة»)."""
    stem = key[:-1] if key.endswith("ه") else key
    return len(stem) == 5 and stem[0] == "م" and stem[3] == "و"


def _indefinite_description(v: DocView, rules: Any, p: int, end: int, noun: Any) -> bool:
    """Whether the words ``[p, end)`` after a common place noun (the token before ``p``) are
    an indefinite adjective describing it, not a name («ساحة مفتوحة», «سجن مهجور», «منطقة
    واسعة»): every word indefinite and none a proper-name word (a given name, a knowledge-base
    name, a Latin word), and the first shaped like an adjective: a passive participle, or, after
    a feminine noun that is not an administrative unit (those name what follows them: «قرية
    برقة»), a word with the feminine ending too. A noun phrase that names ([strong] nouns take
    any name), or a word the knowledge base knows («مطار قرطاج»), stays a name."""
    for t in range(p, end):
        if not v.is_arabic(t) or v.word(t).definite or _proper_word(v, rules, t):
            return False
    key = v.keys[p]
    if _adjective_shape(key):
        return True
    head = v.keys[p - 1]
    return not noun.strong and head.endswith("ه") and key.endswith("ه") and len(key) >= 4


def _trim_titles(c: Cand, v: DocView, rules: Any) -> None:
    while c.j > c.i and v.is_arabic(c.i) and (v.word(c.i).report_verb or v.word(c.i).stop):
        c.i += 1  # «أضاف الهاني»
        c.strip = 0
    while c.j > c.i and v.is_arabic(c.j - 1) and (
        (c.j - 1) in rules.hit_at or v.word(c.j - 1).qualifier or v.word(c.j - 1).adjective
    ):
        c.j -= 1
    while c.j > c.i and c.i in rules.hit_at:
        c.i = rules.hit_at[c.i].j
        c.strip = 0
    if c.j > c.i:
        c.name = v.clean_text(c.i, c.j, c.strip)
