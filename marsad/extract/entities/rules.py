"""Names the knowledge base does not know, found by rules over the tokens.

Each rule reads the lexicons of ``marsad/lang/ar`` (see :mod:`~marsad.extract.entities.lexicon`)
and the candidates found before it (the knowledge-base names first), and adds candidates to the
document view:

* **described outlets**: a knowledge-base outlet named by a description that a quoted name
  follows is that other outlet («وكالة الأنباء الإيطالية الخاصة “أجانزيا نوفا”»);
* **regions**: a direction and a state («شرق ليبيا»), or a definite direction and a nationality
  adjective («الشرق الليبي») → LOC;
* **places after place nouns**: «مدينة روالبندي», «ولاية القصرين», «جبل الشعانبي» → GPE/LOC/FAC;
* **organizations**: a head noun and its complements: «وزارة الصحة», «الجيش الباكستاني»,
  «البحرية الباكستانية» (a nationality adjective ties the organization to its state), «حركة نداء
  تونس»; an outlet's name after a media head, quoted, in Latin script or unknown: «موقع “ليبيا
  ريفيو”», «صحيفة The News International», «وكالة أجانزيا نوفا الإيطالية» (the mention is the
  name without the head); a knowledge-base organization that a name-giving word continues is
  a longer, other one («حزب العمال الكردستاني»);
* **quoted outlets** after an interview or statement: «في تصريح لـ"الاستقلال"»;
* **Latin-script names** in Arabic text: acronyms and names with an organization word;
* **people after titles**: a rank or a role, its complement, an optional comma and ranks, then
  the name: «قائد الجيش الباكستاني، الجنرال عاصم منير» (the title becomes the person's role);
* **people before titles**: «وقالت جين كونورز قائدة عمليات الشرطة», «كريم بوزيان، رئيس البلدية»;
* **people by their names**: a given name and a family name («عماد إسماعيل»), or a given name
  after a reporting verb («وأوضح إسماعيل»).

After the candidates are chosen, :meth:`Rules.appositions` attaches the roles said after a name
(«صدام حفتر بصفته نائب القائد العام», «X، رئيس Y،», «… برئاسة X») and :meth:`Rules.paren_aliases`
reads a short name in parentheses after an organization as another name of it. Where the
statistical recognizer runs, its reading confirms person names that only weak evidence supports.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.extract.entities.candidates import Cand, RoleSpan
from marsad.extract.entities.lexicon import ARTICLE, EntityLexicon, OrgHead, Title, Word, mention_strip
from marsad.extract.entities.view import DocView
from marsad.kb import KnowledgeBase

_PLACES = frozenset({"GPE", "LOC", "FAC"})
_ORG_LIKE = frozenset({"GPE", "LOC", "FAC", "ORG"})
_COMMAS = frozenset({",", "،"})
#: words in Latin-script names that make them organizations
_LATIN_ORG_WORDS = frozenset(
    "news times post press agency international tv radio group bank company corp inc ltd party front "
    "council university institute foundation organization organisation ministry army forces watch "
    "network media journal tribune herald daily review monitor gazette channel association union "
    "committee commission office centre center fund club airlines airways petroleum oil energy "
    "holding holdings telecom".split()
)
_LATIN_JOINERS = frozenset("of the and de du des la le al el for on in van von di da & -".split())
_MAX_QUOTED = 6


@dataclass(slots=True)
class TitleHit:
    i: int
    j: int
    strip: int
    title: Title


@dataclass(slots=True)
class Complement:
    end: int
    country: str | None = None
    org: Cand | None = None
    parts: tuple[str, ...] = ()
    ends_with_adjective: bool = False  # «وزير الخارجية الأمريكي»: a name usually follows


class Rules:
    """The rules of the module docstring, run in order over one document view."""

    def __init__(self, kb: KnowledgeBase, lex: EntityLexicon) -> None:
        self.kb = kb
        self.lex = lex

    def find(self, v: DocView) -> None:
        self.hits = self._title_hits(v)
        self.hit_at = {h.i: h for h in self.hits}
        self.in_title: set[int] = {t for h in self.hits for t in range(h.i, h.j)}
        #: tokens of the complements of roles («لشؤون السياحة» in «مساعد رئيس البلدية لشؤون السياحة»)
        self.in_role: set[int] = set()
        #: tokens that look like a place noun but are not one here («وأدى», «وزاري مضيق»)
        self.not_place_at: set[int] = set()
        self._described_outlets(v)
        self._dateline_outlets(v)
        self._city_clubs(v)
        self._regions(v)
        self._places(v)
        self._orgs(v)
        self._buildings_as_places(v)
        self._offices(v)
        self._quoted_outlets(v)
        self._quoted_kunyas(v)
        self._latin(v)
        self._people_after_titles(v)
        self._people_before_titles(v)
        self._people_by_name(v)

    # -- titles ---------------------------------------------------------------------------------
    def _title_hits(self, v: DocView) -> list[TitleHit]:
        hits = []
        trie = self.lex.titles
        root = trie.root
        i = 0
        while i < v.n:
            if v.at(i) is not None or (not v.is_arabic(i) and v.form(i) != "د"):
                i += 1
                continue
            readings = v.readings(i)
            if not any(f in root for _s, f in readings):
                i += 1
                continue
            m = trie.longest(v.keys, readings, i)
            if m is None:
                i += 1
                continue
            end, strip, title = m
            if any(v.at(t) is not None for t in range(i, end)):
                i += 1
                continue
            hits.append(TitleHit(i, end, mention_strip(v.keys[i], strip), title))
            i = end
        return hits

    # -- «وكالة الأنباء الإيطالية الخاصة “أجانزيا نوفا”» ------------------------------------------
    def _described_outlets(self, v: DocView) -> None:
        """A knowledge-base outlet named by a description that a quoted or Latin-script name
        follows is that other outlet: the name, not the description, is the mention."""
        for c in list(v.cands):
            if c.method != "kb" or c.type != "ORG" or c.subtype not in _MEDIA_SUBTYPES:
                continue
            k = c.j
            while k < min(v.n, c.j + 3) and v.is_arabic(k) and (v.word(k).qualifier or v.word(k).adjective):
                k += 1
            span = self._latin_run(v, k) if v.is_latin(k) else self._quoted(v, k)
            if span is None:
                continue
            if c.kb_ids[0] in self.kb.alias_index.get(" ".join(v.keys[span[0] : span[1]]), ()):
                continue  # «وكالة الأنباء الكويتية (كونا)»: the outlet's own short name after it
            inner = [x for x in v.cands if x.i < span[1] and span[0] < x.j]
            if any(x.i < span[0] or x.j > span[1] for x in inner):
                continue
            country = self.kb.entries[c.kb_ids[0]].country
            for x in [c, *inner]:
                v.remove(x)
            s, e = span[0], span[1]
            v.add(Cand(s, e, 0, "ORG", "rule", "outlet", subtype=c.subtype, sector="MED", country=country,
                       name=v.clean_text(s, e)))

    # -- datelines: «الرياض - "عكاظ"», «صنعاء - سبأ», «الدوحة في 11 سبتمبر /قنا/» ---------------
    def _dateline_outlets(self, v: DocView) -> None:
        """A line that opens with a city, a dash and a short name is a dateline: the name is the
        outlet that filed the story, quoted («بيروت - "النهار"»), a letter abbreviation («و م ع»)
        or one word the recognizer reads as an organization («صنعاء - سبأ»); so is a name between
        slashes after the city and its date («الدوحة في 11 سبتمبر /قنا/»). A place the knowledge
        base knows by the same name («"الخليج"», «"الشرق الأوسط"») is the outlet there; a
        knowledge-base outlet with that name (also a weak one, «الأهرام») is linked."""
        text = v.doc.text
        for i in range(v.n):
            if i and "\n" not in text[v.tokens.ends[i - 1] : v.tokens.starts[i]]:
                continue
            city = v.starting_at(i)
            if city is None or city.type != "GPE" or city.strip or city.j >= v.n:
                continue
            span = None
            k = city.j
            if v.form(k) in _DASHES:
                span = self._dateline_name(v, k + 1)
            elif v.is_arabic(k) and v.keys[k] == "في":
                for s in range(k + 1, min(v.n, k + 8)):
                    if "\n" in text[v.tokens.ends[s - 1] : v.tokens.starts[s]]:
                        break
                    if v.form(s) == "/":
                        e = s + 1
                        while e < min(v.n, s + 5) and v.is_arabic(e):
                            e += 1
                        if e > s + 1 and e < v.n and v.form(e) == "/":
                            span = (s + 1, e)
                        break
            if span is None:
                continue
            first, end = span
            inner = [x for x in v.cands if x.i < end and first < x.j]
            if any(x.i < first or x.j > end for x in inner) or any(x.type == "ORG" for x in inner):
                continue
            for x in inner:
                v.remove(x)
            key = " ".join(v.keys[first:end])
            ids = tuple(
                e for e in self.kb.alias_index.get(key, ())
                if self.kb.entries[e].type == "ORG" and self.kb.entries[e].subtype in _MEDIA_SUBTYPES
            )
            v.add(Cand(first, end, 0, "ORG", "rule", "dateline", kb_ids=ids, subtype="media", sector="MED",
                       name=v.clean_text(first, end)))
            self._quoted_again(v, v.keys[first:end], ids)

    def _quoted_again(self, v: DocView, keys: list[str], ids: tuple[str, ...]) -> None:
        """The dateline's outlet quoted again in the story («قالت مصادر لـ"الشرق الأوسط"») is the
        outlet too, whatever else the knowledge base calls that name."""
        n = len(keys)
        for k in range(v.n - n - 1):
            if not v.is_quote(k) or v.closing_quote(k) != k + n + 1 or v.keys[k + 1 : k + n + 1] != keys:
                continue
            inner = [x for x in v.cands if x.i <= k + n and k + 1 < x.j]
            if any(x.type == "ORG" or x.i < k + 1 or x.j > k + n + 1 for x in inner):
                continue
            for x in inner:
                v.remove(x)
            v.add(Cand(k + 1, k + n + 1, 0, "ORG", "rule", "dateline", kb_ids=ids, subtype="media", sector="MED",
                       name=v.clean_text(k + 1, k + n + 1)))

    def _dateline_name(self, v: DocView, p: int) -> tuple[int, int] | None:
        if p >= v.n:
            return None
        if v.is_quote(p) and v.form(p) != "(":
            q = v.closing_quote(p)
            if q is None or not 1 <= q - p - 1 <= 4:
                return None
            if not all(v.is_arabic(t) or v.is_latin(t) for t in range(p + 1, q)):
                return None
            return p + 1, q  # «الخرطوم - "السوداني"»: a quoted adjective is a name here
        e = p
        while e < v.n and v.is_arabic(e) and len(v.form(e)) == 1 and (e == p or not v.adjacent(e)):
            e += 1
        if e - p >= 2:
            return p, e  # «و م ع», «أ ش أ»
        if not v.is_arabic(p) or not v.is_arabic(p + 1):
            return None
        w = v.word(p)
        if w.stop or w.report_verb or w.given >= 0 or w.adjective or w.conj:
            return None
        c = v.at(p)
        if c is not None and (c.i != p or c.j != p + 1):
            return None
        if v.keys[p] in self.kb.weak_keys and any(
            self.kb.entries[e].subtype in _MEDIA_SUBTYPES for e in self.kb.alias_index.get(v.keys[p], ())
        ):
            return p, p + 1  # «رام الله - وفا»: an outlet's short name that is also a word
        model = v.model
        if model is None or model.type_at[p] != "ORG":
            return None
        return p, p + 1

    # -- «ليفربول الإنجليزي», «برشلونة الإسباني» -------------------------------------------------
    def _city_clubs(self, v: DocView) -> None:
        """A city named by the knowledge base and followed by a masculine nationality adjective is
        the city's club: a city is feminine («برشلونة الإسبانية»), a club masculine."""
        for c in list(v.cands):
            if c.method != "kb" or c.type != "GPE" or c.j >= v.n or not v.is_arabic(c.j):
                continue
            entry = self.kb.entries[c.kb_ids[0]]
            if entry.subtype not in ("city", "capital"):
                continue
            w = v.word(c.j)
            key = v.keys[c.j]
            if not (w.adjective and w.adjective_strip == 0 and w.definite and key.endswith("ي")) or key.endswith("يي"):
                continue
            country = self.kb.entries[w.adjective].country
            v.remove(c)
            v.add(Cand(c.i, c.j, c.strip, "ORG", "rule", "city_club", subtype="club", country=country,
                       name=v.clean_text(c.i, c.j, c.strip)))

    # -- regions: «شرق ليبيا», «الشرق الليبي» ----------------------------------------------------
    def _regions(self, v: DocView) -> None:
        lex, kb = self.lex, self.kb
        root = lex.directions.root
        for i in range(v.n):
            if v.at(i) is not None or not v.is_arabic(i):
                continue
            readings = v.readings(i)
            if not any(f in root for _s, f in readings):
                continue
            m = lex.directions.longest(v.keys, readings, i)
            if m is None:
                continue
            d_end, strip, canonical = m
            strip = mention_strip(v.keys[i], strip)
            definite = v.keys[i][strip:].startswith(ARTICLE)
            state = None
            end = d_end
            c = v.starting_at(d_end)
            if not definite and c is not None and c.method == "kb" and c.strip == 0 and c.type == "GPE":
                entry = kb.entries[c.kb_ids[0]]
                if entry.subtype == "state":
                    state, end = entry, c.j
            elif definite and d_end < v.n and v.is_arabic(d_end):
                w = v.word(d_end)
                if w.adjective and w.adjective_strip == 0 and w.definite:
                    state, end = kb.entries.get(w.adjective), d_end + 1
            if state is None:
                continue
            en = lex.directions_en.get(canonical)
            v.add(
                Cand(
                    i, end, strip, "LOC", "rule", "region", subtype="region",
                    name=f"{canonical} {state.name}",
                    name_en=f"{en} {state.name_en}" if en and state.name_en else None,
                    country=state.country,
                )
            )

    # -- places after place nouns ---------------------------------------------------------------
    def _places(self, v: DocView) -> None:
        lex = self.lex
        root = lex.place_nouns.root
        for i in range(v.n):
            if v.at(i) is not None or not v.is_arabic(i) or i in self.in_title:
                continue
            readings = v.readings(i)
            if not any(f in root for _s, f in readings):
                continue
            m = lex.place_nouns.longest(v.keys, readings, i)
            if m is None:
                continue
            p, strip, noun = m
            if not noun.strong and _HAMZA.isdisjoint(noun.text) and not _HAMZA.isdisjoint(v.clean_text(i, i + 1, 0)):
                self.not_place_at.add(i)
                continue  # «وأدى الخلاف» is a verb, not «وادي»: a hamza the noun does not have
            if noun.not_after and strip == 0 and i > 0 and v.keys[i - 1] in noun.not_after:
                self.not_place_at.add(i)
                continue  # «مجلس وزاري مضيق»: an adjective in a noun phrase, not a place noun
            if noun.alone:
                # «القصر الجمهوري»: the state's one building of that kind, named by the phrase
                s0 = mention_strip(v.keys[i], strip)
                v.add(Cand(i, p, s0, noun.type, "rule", "place_noun", subtype=noun.subtype,
                           name=v.clean_text(i, p, s0)))
                continue
            if noun.text == "العاصمة":
                while p < v.n and v.is_arabic(p) and v.word(p).adjective:
                    p += 1
            if p >= v.n:
                continue
            if noun.type == "FAC" and noun.quoted and v.is_quote(p) and v.form(p) != "(":
                q = self._quoted(v, p)
                if q is not None and q[1] - q[0] <= 3 and not any(v.at(t) is not None for t in range(q[0], q[1])):
                    # «بمطار "هيثرو"», «ملعب "رادس"»: the quoted name is the facility
                    v.add(Cand(q[0], q[1], 0, "FAC", "rule", "place_noun", subtype=noun.subtype,
                               name=v.clean_text(q[0], q[1])))
                continue
            c = v.starting_at(p)
            if noun.known_only and (
                c is None or c.type not in ("GPE", "LOC") or c.method != "kb"
                or any(f in self.kb.weak_keys for _s, f in v.readings(c.i))
            ):
                continue  # «سوق الشغل», «سوق الخضر»: a market is named only by a known place
            if noun.type == "FAC" and noun.in_name and c is None and p in self.hit_at:
                # «جسر الملك فهد», «مطار الأمير نايف»: a facility named after a ranked person
                h = self.hit_at[p]
                person = self._person_name(v, h.j, after_rank=True) if h.title.kind == "rank" else None
                if person is not None and person[2] == 0:
                    p_end = person[0]
                    while p_end - 1 > h.j and v.keys[p_end - 1][:1] in "بلك" and v.word(p_end - 1).given < 0:
                        p_end -= 1  # «جسر الملك فهد بطلب من …»: a preposition's object ends the name
                    s0 = mention_strip(v.keys[i], strip)
                    v.add(Cand(i, p_end, s0, "FAC", "rule", "place_noun", subtype=noun.subtype,
                               name=v.clean_text(i, p_end, s0)))
                continue
            if noun.confirm:
                # «منفذ الشلامجة الحدودي»: a noun that is also a common word («منفذ الهجوم») names
                # a place only with its confirming adjective after one or two words
                c_end = c.j if c is not None and c.type in ("GPE", "LOC") and c.strip == 0 else (
                    None if c is not None else self._place_name(v, p, noun.strong)
                )
                at = next((t for t in range(p + 1, min(v.n, p + 3)) if v.keys[t] in noun.confirm), None)
                if c_end is not None and at is not None and at <= c_end:
                    if c is not None:
                        v.remove(c)
                    s0 = mention_strip(v.keys[i], strip)
                    v.add(Cand(i, at + 1, s0, noun.type, "rule", "place_noun", subtype=noun.subtype,
                               name=v.clean_text(i, at + 1, s0)))
                continue
            if c is not None:
                if (
                    noun.type in ("GPE", "LOC") and not noun.in_name and c.type == "PERSON" and c.strip == 0
                    and c.j == p + 1 and c.method == "kb"
                ):
                    # «منطقة البغدادي», «بمنطقة فيصل»: a one-word name after a place noun is the
                    # place's, not the person the knowledge base knows by that word
                    v.remove(c)
                    v.add(Cand(p, c.j, 0, noun.type, "rule", "place_noun", subtype=noun.subtype,
                               name=v.clean_text(p, c.j)))
                    continue
                if noun.type == "FAC" and noun.in_name and c.type == "PERSON" and c.strip == 0 and c.method == "kb":
                    # «مطار الملك خالد», «جامع الحسن الثاني»: named after a known person
                    s0 = mention_strip(v.keys[i], strip)
                    v.remove(c)
                    v.add(Cand(i, c.j, s0, "FAC", "rule", "place_noun", subtype=noun.subtype,
                               name=v.clean_text(i, c.j, s0)))
                    continue
                if (
                    noun.type == "FAC" and c.type in ("GPE", "LOC") and c.strip == 0
                    and lex.place_nouns.longest(v.keys, v.readings(p), p) is None
                    and not (c.j == p + 1 and v.keys[p] in lex.place_generic)
                ):
                    # «مطار كوالالمبور الدولي»: a facility named after its city
                    fac_end = c.j
                    if (
                        v.is_arabic(fac_end) and v.word(fac_end).definite and v.keys[fac_end].endswith("ي")
                        and not v.word(fac_end).adjective
                    ):
                        fac_end += 1
                    s0 = mention_strip(v.keys[i], strip)
                    v.add(Cand(i, fac_end, s0, "FAC", "rule", "place_noun", subtype=noun.subtype,
                               name=v.clean_text(i, fac_end, s0)))
                continue
            if v.at(p) is not None:
                continue
            end = self._place_name(v, p, noun.strong, feminine=v.keys[p - 1].endswith("ه"))
            if end is None:
                continue
            start, s = (i, mention_strip(v.keys[i], strip)) if noun.in_name else (p, 0)
            v.add(
                Cand(
                    start, end, s, noun.type, "rule", "place_noun", subtype=noun.subtype,
                    name=v.clean_text(start, end, s),
                )
            )

    def _place_name(self, v: DocView, p: int, strong: bool, feminine: bool = True) -> int | None:
        if not v.is_arabic(p):
            return None
        w = v.word(p)
        if (
            w.stop or w.report_verb or w.adjective or w.qualifier or w.generic or w.conj or w.kinship
            or w.appositive or p in self.hit_at
        ):
            return None
        key = v.keys[p]
        if key in self.lex.place_generic or "ال" + v.content_key(p) in self.lex.place_generic:
            return None
        if not w.definite and key.endswith("يه") and not w.place_first:
            return None  # a nisba adjective: «منطقة عسكرية»
        if not w.definite and key.endswith("ي") and (len(key) <= 4 or not strong) and not w.place_first:
            return None  # «إقليم سني», «معبر حدودي»
        if not strong and (key.endswith("يه") or (not w.definite and key.endswith("ه") and (feminine or key[:1] in "بلك"))):
            return None  # «المنطقة الصناعية», «ساحة مفتوحة»: an adjective, not a name («حي زيونة» is one)
        if self.lex.org_heads.longest(v.keys, v.readings(p), p) is not None:
            return None
        if not strong and self.lex.place_nouns.longest(v.keys, v.readings(p), p) is not None:
            return None  # «مستشفى مدينة …»: another place noun, whose own name follows
        form = v.form(p)
        if len(form) >= 5 and form.endswith(("ه", "ها", "هم", "هما")) and w.given < 0:
            return None  # «منطقة تغطيها الثلوج», «حقل غمرته المياه»: a pronoun suffix, a clause
        if w.given >= 0 and not strong:
            # «شارع الحبيب بورقيبة», «مطار محمد الخامس»: a facility named after a person
            person = self._person_name(v, p)
            if person is not None and person[1] >= 2:
                for t in range(p + 2, person[0]):
                    if v.word(t).conj or (
                        v.keys[t][:1] in "بلك" and v.word(t).given < 0
                        and any(s > 0 and f in self.kb.alias_index for s, f in v.readings(t))
                    ):
                        return t  # «شارع الهادي شاكر بسوسة»: a place after ب ends the name
                return person[0]
        end = p + 1
        if (w.place_first or w.connector) and v.is_arabic(end) and v.at(end) is None:
            nxt = v.word(end)
            if not (nxt.stop or nxt.report_verb or nxt.conj):
                end += 1
        while (
            v.is_arabic(end) and v.word(end).connector and v.is_arabic(end + 1) and v.at(end + 1) is None
            and not v.word(end + 1).stop
        ):
            end += 2
        if w.definite and end == p + 1:
            # «الشرق الأوسط», «الساحل الإفريقي»: a definite name with its descriptive words
            while end < p + 3 and v.is_arabic(end) and v.at(end) is None:
                nxt = v.word(end)
                k2 = v.keys[end]
                if not nxt.definite or nxt.stop or nxt.adjective or nxt.generic or nxt.conj or (
                    k2.endswith("يه") or k2.endswith("يين") or k2.endswith("يون")
                ) or k2[:3] in _CLITIC_ARTICLE or k2[:2] == "لل":
                    break
                end += 1
        return end

    # -- organizations --------------------------------------------------------------------------
    def _orgs(self, v: DocView) -> None:
        lex = self.lex
        root = lex.org_heads.root
        for i in range(v.n):
            if v.at(i) is not None or not v.is_arabic(i) or i in self.in_title:
                continue
            readings = v.readings(i)
            if not any(f in root for _s, f in readings):
                continue
            m = lex.org_heads.longest(v.keys, readings, i)
            if m is None:
                continue
            h_end, strip, head = m
            strip = mention_strip(v.keys[i], strip)
            if any(v.at(t) is not None for t in range(i, h_end)):
                continue
            if i > 0 and v.kind(i - 1) == "number":
                continue  # «22 جامعة …» counts institutions, it does not name one
            if (
                h_end == i + 1 and not strip and v.keys[i].startswith(ARTICLE) and v.keys[i].endswith("يه")
                and v.is_arabic(i - 1) and v.word(i - 1).definite and not v.word(i - 1).stop
                and v.at(i - 1) is None
            ):
                continue  # «المناورات البحرية الإيرانية»: an adjective of the noun before it
            cand = self._org_phrase(v, i, h_end, strip, head)
            if cand is not None:
                v.add(cand)
        self._extend_kb_orgs(v)

    def _offices(self, v: DocView) -> None:
        """«انتخابات الرئاسة الفرنسية», «المرشح للرئاسة»: after an election word the presidency is
        the office run for, not the institution (no mention)."""
        for c in list(v.cands):
            if c.type != "ORG" or c.subtype != "presidency" or c.i == 0 or not v.is_arabic(c.i - 1):
                continue
            if self.after_office_word(v, c.i):
                v.remove(c)

    def office_after_election_word(self, v: DocView, c: Cand) -> bool:
        """Whether a recognizer's organization is a presidency the knowledge base knows, named
        after an election word (the office, not the institution)."""
        if not self.after_office_word(v, c.i) or not v.is_arabic(c.i):
            return False
        rest = v.keys[c.i + 1 : c.j]
        firsts = {f for _s, f in v.all_readings(c.i)} | {"ال" + v.content_key(c.i, c.strip)}
        return any(
            self.kb.entries[e].subtype == "presidency"
            for f in firsts for e in self.kb.alias_index.get(" ".join([f, *rest]), ())
        )

    def after_office_word(self, v: DocView, i: int) -> bool:
        """Whether token ``i`` follows an election word («انتخابات», «المرشح»)."""
        return i > 0 and v.is_arabic(i - 1) and any(f in self.lex.office_contexts for _s, f in v.readings(i - 1))

    def _buildings_as_places(self, v: DocView) -> None:
        """An institution the knowledge base names by its building («قصر قرطاج» for the
        presidency) is the building where something happens in it: «اجتماع بقصر قرطاج», «في قصر
        الإليزيه» (a facility, not the institution)."""
        for c in list(v.cands):
            if c.method != "kb" or c.type != "ORG" or c.j - c.i < 2 or not v.is_arabic(c.i):
                continue
            key = v.keys[c.i]
            noun = self.lex.place_nouns.longest(v.keys, v.readings(c.i), c.i)
            if noun is None or noun[0] != c.i + 1 or noun[2].type != "FAC" or not noun[2].in_name:
                continue
            locative = (noun[1] == 1 and key[:1] == "ب") or (c.i > 0 and v.keys[c.i - 1] == "في")
            if not locative:
                continue
            v.remove(c)
            v.add(Cand(c.i, c.j, c.strip, "FAC", "rule", "building", subtype=noun[2].subtype,
                       name=v.clean_text(c.i, c.j, c.strip)))

    def _extend_kb_orgs(self, v: DocView) -> None:
        """«حزب العمال الكردستاني» is not «حزب العمال»: a knowledge-base organization that a
        name-giving word (a place, an adjective, a quoted name) continues is a longer, other name."""
        root = self.lex.org_heads.root
        for c in [x for x in v.cands if x.method == "kb" and x.type == "ORG" and x.j < v.n]:
            i = c.i
            if not any(f in root for _s, f in v.readings(i)):
                continue
            m = self.head_at(v, i)
            if m is None or m[0] > c.j:
                continue
            nxt = c.j
            w = v.word(nxt) if v.is_arabic(nxt) else None
            if w is None or w.stop or w.conj:
                continue
            end = nxt + 1
            if (
                v.keys[nxt][:1] == "ل" and v.keys[nxt][1:] in self.lex.field_words and v.at(nxt) is None
                and v.is_arabic(nxt + 1) and v.word(nxt + 1).definite and not v.word(nxt + 1).stop
                and v.at(nxt + 1) is None
            ):
                end = nxt + 2  # «الاتحاد الإفريقي لكرة السلة»: another body than «الاتحاد الإفريقي»
            elif not (w.definite and not w.adjective and not w.generic and not w.qualifier and (
                v.keys[nxt].endswith(("ي", "يه")) or v.keys[nxt].startswith("لل")
            )):
                continue  # only an adjective of a non-state («الكردستاني») or a ل-complement
            longer = Cand(i, end, c.strip, "ORG", "rule", "org_head", subtype=c.subtype, name=v.clean_text(i, end, c.strip),
                          head=v.content_key(i, c.strip), complement=tuple(v.content_key(t) for t in range(i + 1, end)))
            v.remove(c)
            v.add(longer)

    def _org_phrase(self, v: DocView, i: int, h_end: int, strip: int, head: OrgHead) -> Cand | None:
        head_key = " ".join(v.content_key(t, strip if t == i else 0) for t in range(i, h_end))
        definite_head = v.word(i).definite
        k = h_end
        country: str | None = None
        named = content = relational = False
        parts: list[str] = []
        name_span: tuple[int, int] | None = None  # an outlet's own name inside the phrase
        chain_open = True  # an indefinite word may still continue a construct chain
        coordinated = False
        after_adjective = False
        proper = False  # the name is an unknown word, not quoted nor in Latin script
        chained = False  # an indefinite word continued the head («هيئة سوق …»)
        last_content = h_end
        while k < v.n and len(parts) < 7:
            if v.closing_quote(k) is not None and definite_head and not head.media:
                break  # «المجلس "مستعد للتعاون…"»: after a definite head a quotation is what it said
            if v.closing_quote(k) is not None or v.is_latin(k):
                span = self._quoted(v, k) if not v.is_latin(k) else self._latin_run(v, k)
                if span is None:
                    break
                name_span = (span[0], span[1])
                named = True
                k = span[2]
                parts.append(v.clean_text(span[0], span[1]).lower())
                if k < v.n and v.is_arabic(k):
                    w = v.word(k)
                    if w.adjective and w.adjective_strip == 0:
                        country = self.kb.entries[w.adjective].country or country
                break
            c = v.starting_at(k)
            seat = None  # the name ends with its seat, after «ب/ل»
            if c is None and parts and definite_head and v.is_arabic(k) and v.keys[k][:1] in "بل":
                m = self.lex.place_nouns.longest(v.keys, v.readings(k), k)
                after_noun = v.starting_at(m[0]) if m is not None and m[1] == 1 and m[2].strong else None
                if after_noun is not None and after_noun.type == "GPE" and after_noun.strip == 0:
                    seat = after_noun  # «المجلس العسكري لمدينة مصراتة», «المحكمة الابتدائية بولاية صفاقس»
            elif (
                c is not None and c.type == "GPE" and c.strip == 1 and parts and definite_head
                and v.keys[k][:1] in "بل"
            ):
                seat = c  # «المحكمة الابتدائية بتونس», «المجلس العسكري لمصراتة»
            if seat is not None:
                named = True
                country = self._country_of(seat) or country
                parts.extend(v.content_key(t) for t in range(seat.i, seat.j))
                k = seat.j
                last_content = k
                break
            if c is not None:
                if after_adjective:
                    break  # «اقتحام الشرطة الإسرائيلية المسجد الأقصى»: a nationality closed the name
                if head.masdar and not definite_head and not parts and c.type in ("GPE", "LOC", "FAC"):
                    return None  # «إدارة قطاع غزة»: managing a place, not an agency named by it
                if head.by_person and not definite_head and not parts and c.type == "PERSON" and c.strip == 0:
                    # «حكومة سعد الحريري», «إدارة ترامب»: the government a person leads
                    named = True
                    parts.extend(v.content_key(t) for t in range(c.i, c.j))
                    v.remove(c)
                    k = c.j
                    last_content = k
                    break
                if c.type in _ORG_LIKE and c.strip == 0 and not (head.media and c.type == "ORG"):
                    named = True
                    if c.type in ("GPE", "LOC"):
                        country = self._country_of(c) or country
                    parts.extend(v.content_key(t) for t in range(c.i, c.j))
                    k = c.j
                    last_content = k
                    chain_open = False
                    continue
                break
            if not v.is_arabic(k):
                break
            w = v.word(k)
            if w.stop or w.report_verb or w.conj or w.kinship or w.appositive or k in self.hit_at:
                break
            if (
                w.adjective and not definite_head and not parts and not w.definite and not head.media
                and not self._name_continues(v, k + 1)
            ):
                break  # «قوات مصرية», «ميليشيات إثيوبية»: an indefinite head and its nationality
            if (w.adjective and w.adjective_strip == 0 and _singular(v.keys[k])) or (w.regional and v.keys[k][:1] not in "وف"):
                if w.adjective:
                    country = self.kb.entries[w.adjective].country or country
                named = True
                parts.append(v.content_key(k))
                k += 1
                chain_open = False
                after_adjective = True
                continue
            if w.adjective:
                break  # «مسؤولي مخابرات بريطانيين»: a plural adjective qualifies the people
            if w.qualifier and parts:
                k += 1
                continue
            if (w.given >= 0 and not w.common_name) or w.connector:
                break
            if w.definite:
                if w.given >= 0 and self._name_follows(v, k):
                    break  # «الحكومة الحبيب الصيد»: a person's name starts
                if not definite_head and not parts and v.keys[k].startswith("لل"):
                    break  # «مجمع للبتروكيماويات»: an indefinite head and its purpose, a description
                if after_adjective and not v.keys[k].startswith("لل"):
                    break  # «السلطة العمانية التدخل»: a new phrase after the adjective
                if parts and v.keys[k][:3] in ("بال", "كال") and v.at(k) is None and not self._known_place(v, k):
                    break  # «إدارة المعهد بالتدخل»: a prepositional phrase of the clause
                if v.keys[k].startswith("لل") and definite_head and not w.generic and not chained:
                    named = True  # «الجهاز المركزي للتعبئة», «المنظمة الدولية للطيران المدني»
                if not parts and not w.generic and v.keys[k].endswith("ي") and not w.qualifier:
                    relational = True  # «الحزب الاشتراكي», «النادي الصفاقسي»; not «الحزب الحاكم»
                parts.append(v.content_key(k))
                if not w.generic:
                    content = True
                k += 1
                last_content = k
                chain_open = False
                # «للتعبئة والإحصاء», «التحكيم والمصالحة»: one coordinated word inside the name
                if (
                    not coordinated and v.is_arabic(k) and v.keys[k][:3] in ("وال", "ولل") and v.at(k) is None
                    and not v.word(k).adjective and v.word(k).given < 0 and not v.word(k).stop
                    and (k + 1 >= v.n or not v.is_arabic(k + 1) or not v.word(k + 1).definite)
                ):
                    coordinated = True
                    parts.append(v.content_key(k, 1))
                    k += 1
                    last_content = k
                continue
            if (
                v.keys[k][:1] == "ل" and parts and definite_head and not chained and v.is_arabic(k + 1)
                and v.word(k + 1).definite and not v.word(k + 1).stop and v.at(k) is None
                and not v.word(k).stop and not v.word(k).report_verb
            ):
                # «الجامعة التونسية لكرة القدم»: a ل-complement in construct
                named = True
                parts.extend((v.content_key(k, 1), v.content_key(k + 1)))
                k += 2
                last_content = k
                break
            prep_clitic = v.keys[k][:1] in "بلك" and len(v.readings(k)) > 1
            nisba = v.keys[k].endswith(("يه", "ي"))
            if chain_open and not prep_clitic and not (nisba and not head.media) and not definite_head and head.needs != "none":
                nxt = k + 1
                nxt_cand = v.starting_at(nxt)
                if (nxt_cand is not None and nxt_cand.type in _ORG_LIKE) or (
                    v.is_arabic(nxt) and v.word(nxt).definite and not v.word(nxt).stop
                ):
                    parts.append(v.content_key(k))
                    k += 1
                    chained = True
                    continue
                if (head.media or head.needs == "any") and not definite_head:
                    # «وكالة أجانزيا نوفا», «جامعة بيرزيت»: an unknown proper word names it
                    run = self._proper_run(v, k)
                    if run is not None and not head.media:
                        compound = v.word(k).place_first or v.word(k).connector
                        run = min(run, k + 2 if compound else k + 1)
                        if v.keys[k].endswith("ه"):
                            run = None  # «جامعة عريقة»: a feminine adjective or noun
                    if run is not None:
                        proper = True
                        name_span = (k, run)
                        parts.extend(v.content_key(t) for t in range(k, run))
                        named = True
                        k = run
                        last_content = k
                        chain_open = False
                        continue
            break
        end = k
        if head.needs == "none" and not named:
            # «المنتخب الوطني»: the head alone names one (the team of the outlet's country); a
            # common definite word after it is the clause's («أحالت النيابة العامة المتهمين»)
            return Cand(i, h_end, strip, "ORG", "rule", "org_head", name=v.clean_text(i, h_end, strip),
                        subtype=head.subtype, sector=head.sector, head=head_key)
        if not parts:
            return None
        if head.needs == "quoted" and (name_span is None or proper):
            return None
        if head.needs == "proper" and not named:
            return None
        if head.needs == "named" and not (named or (content and not definite_head)):
            return None
        if head.needs == "named" and not named and len(parts) == 1 and parts[0] in self.lex.institution_complements:
            return None  # «إدارة المستشفى», «إدارة المعهد»: the institution just spoken of
        if head.needs == "any" and definite_head and not (named or (relational and head.definite_ok)):
            return None
        base = dict(
            subtype=head.subtype, country=country, sector=head.sector, head=head_key,
            complement=tuple(parts),
        )
        if name_span is not None and (head.media or v.closing_quote(name_span[0] - 1) is not None or v.is_latin(name_span[0])):
            # «موقع “ليبيا ريفيو”», «منظمة HRW»: the name itself is the mention
            s, e = name_span
            rule = "outlet" if head.media else "org_head"
            return Cand(s, e, 0, "ORG", "rule", rule, name=v.clean_text(s, e), **base)  # type: ignore[arg-type]
        if head.media:
            content_end = last_content
            if content and content_end > h_end:
                # «صحيفة الشروق التونسية» → الشروق
                e = h_end
                while e < content_end and not v.word(e).adjective:
                    e += 1
                if e > h_end and not any(v.at(t) is not None for t in range(h_end, e)):
                    return Cand(h_end, e, 0, "ORG", "rule", "outlet", name=v.clean_text(h_end, e), **base)  # type: ignore[arg-type]
        return Cand(i, end, strip, "ORG", "rule", "org_head", name=v.clean_text(i, end, strip), **base)  # type: ignore[arg-type]

    def _country_of(self, c: Cand) -> str | None:
        if c.kb_ids:
            e = self.kb.entries.get(c.kb_ids[0])
            return e.country if e else None
        return c.country

    def _proper_run(self, v: DocView, k: int) -> int | None:
        """End of a run of unknown indefinite words (a proper name: «أجانزيا نوفا»)."""
        j = k
        while j < v.n and j - k < 3 and v.is_arabic(j) and v.at(j) is None:
            w = v.word(j)
            if (
                w.definite or w.stop or w.report_verb or w.adjective or w.qualifier or w.conj
                or w.kinship or w.appositive or j in self.hit_at or (w.given >= 0 and j == k)
            ):
                break
            if v.keys[j].endswith("يه") or (v.keys[j].endswith("ين") and len(v.keys[j]) > 5):
                break  # nisba adjectives and plurals are not names
            if v.keys[j][:1] == "ي" or any(r[1] != v.keys[j] and v.keys[j][:1] == "س" for r in v.readings(j)[1:]):
                break  # an imperfect or future verb: «وزارة ستعلق»
            j += 1
        return j if j > k else None

    def _name_follows(self, v: DocView, k: int) -> bool:
        """A given name at ``k`` followed by a family name: a person starts here."""
        nxt = k + 1
        if not v.is_arabic(nxt) or v.at(nxt) is not None:
            c = v.starting_at(nxt)
            return c is not None and c.type == "PERSON"
        w = v.word(nxt)
        return not (w.stop or w.report_verb or w.adjective or w.qualifier or w.generic or w.conj) and (
            nxt not in self.hit_at
        )

    # -- checks the model's names go through -------------------------------------------------------
    def head_at(self, v: DocView, i: int) -> tuple[int, int, OrgHead] | None:
        """The organization head noun starting at token ``i``, if any."""
        return self.lex.org_heads.longest(v.keys, v.readings(i), i)

    def model_org_ok(self, v: DocView, c: Cand) -> bool:
        from marsad.extract.entities.combine import ORG_WITHOUT_HEAD

        m = self.head_at(v, c.i)
        if m is None:
            return c.score >= ORG_WITHOUT_HEAD
        h_end, strip, head = m
        if h_end >= c.j:
            return False
        parsed = self._org_phrase(v, c.i, h_end, mention_strip(v.keys[c.i], strip), head)
        if parsed is None:
            return False
        # «وكالة الأنباء الإيطالية الخاصة “أجانزيا نوفا”»: the quoted name is the outlet
        return not (parsed.rule == "outlet" and (parsed.i >= c.j or parsed.j <= c.i))

    def quoted_work(self, v: DocView, i: int, j: int) -> bool:
        """Tokens ``[i, j)`` are the whole of a quotation after a noun for a work («فيلم "حياة
        أديل"», «رواية "…"»): a title, not a name. (A quoted nickname, «"أبو جهاد"», is a name.)"""
        if i < 2 or not v.is_quote(i - 1) or v.closing_quote(i - 1) != j or not v.is_arabic(i - 2):
            return False
        works = self.lex.works
        # «فيلمه», «روايتها»: the noun with a possessive pronoun
        return any(
            f in works or f[:-1] in works or f[:-2] in works or (f.endswith("ته") and f[:-2] + "ه" in works)
            for _s, f in v.readings(i - 2)
        )

    def agrees_with_noun(self, v: DocView, i: int) -> bool:
        """A definite adjective after a definite noun qualifies it («العاصمة السورية»)."""
        k = i - 1
        if k < 0 or not v.is_arabic(k) or not v.keys[i].startswith("ال"):
            return False
        w = v.word(k)
        return w.definite and not w.stop

    # -- quotes and Latin script ----------------------------------------------------------------
    def _quoted(self, v: DocView, k: int) -> tuple[int, int, int] | None:
        """``(first, end, after)`` tokens of a short name in quotation marks (or parentheses)
        opening at ``k``."""
        j = v.closing_quote(k)
        if j is None or j == k + 1 or j - k > _MAX_QUOTED + 1:
            return None
        for t in range(k + 1, j):
            if v.is_punct(t) and v.form(t) not in ("-", ".", "&", "'"):
                return None
        if not any(v.is_arabic(t) or v.is_latin(t) for t in range(k + 1, j)):
            return None  # «( 1932 )»
        if j == k + 2 and v.is_arabic(k + 1):
            w = v.word(k + 1)
            if w.adjective or w.stop or w.qualifier or w.report_verb:
                return None  # «الموساد "الإسرائيلي"»: a quoted adjective
        first = k + 1
        if v.is_arabic(first):
            w = v.word(first)
            if w.stop or w.report_verb:
                return None
        return first, j, j + 1

    def _known_place(self, v: DocView, k: int) -> bool:
        """Token ``k`` after its proclitics is a place the knowledge base knows («بالكاف»),
        not one of the words for the region just spoken of («بالجهة»)."""
        for s, f in v.readings(k):
            if s == 0 or f in self.lex.place_generic or "ال" + f in self.lex.place_generic:
                continue
            if any(self.kb.entries[e].type in ("GPE", "LOC") for e in self.kb.alias_index.get(f, ())):
                return True
        return False

    def _quoted_kunyas(self, v: DocView) -> None:
        """A kunya in quotation marks is a person's nom de guerre: «و"أبو طلحة" اللذان قتلا»,
        «القيادي "أبو محمد الجولاني"»: «أبو/أم» and one to three name words, the whole quotation."""
        for k in range(v.n - 2):
            if not v.is_quote(k) or v.form(k) == "(":
                continue
            q = self._quoted(v, k)
            if q is None:
                continue
            first, end, _after = q
            if not 2 <= end - first <= 4 or v.keys[first] not in _KUNYA_OPENERS:
                continue
            if any(not v.is_arabic(t) or v.at(t) is not None for t in range(first, end)):
                continue
            second = v.word(first + 1)
            if second.stop or second.generic or second.report_verb or second.adjective or (
                second.definite and second.given < 0
            ):
                continue  # «"أم المعارك"», «"أبو الكوارث"»: a figure of speech, not a kunya
            v.add(Cand(first, end, 0, "PERSON", "rule", "kunya", name=v.clean_text(first, end)))

    def _latin_run(self, v: DocView, k: int) -> tuple[int, int, int] | None:
        """``(first, end, end)`` of a capitalized Latin-script name starting at ``k``."""
        if not v.is_latin(k) or not v.form(k)[:1].isupper():
            return None
        j = k
        last_good = k
        while j < v.n:
            if j > k and "\n" in v.doc.text[v.tokens.ends[j - 1] : v.tokens.starts[j]]:
                break
            f = v.form(j)
            if v.is_latin(j):
                if f[:1].isupper() or f.isupper():
                    last_good = j + 1
                elif f.lower() not in _LATIN_JOINERS:
                    break
            elif v.kind(j) == "number" and j > k:
                last_good = j + 1
            elif f not in ("-", "&", "'", ".") or not v.adjacent(j):
                break
            j += 1
        if last_good == k:
            return None
        return k, last_good, last_good

    def _quoted_outlets(self, v: DocView) -> None:
        """«في تصريح لـ"الاستقلال"», «قال لـ"X"»: the quoted name of an outlet."""
        for k in range(1, v.n):
            if not v.is_quote(k) or not v.tokens.is_detached_proclitic(k - 1) or v.form(k - 1) != "ل":
                continue
            span = self._quoted(v, k)
            if span is None or any(v.at(t) is not None for t in range(span[0], span[1])):
                continue
            context = False
            for b in range(k - 2, max(-1, k - 5), -1):
                if not v.is_arabic(b):
                    continue
                content = v.content_key(b, v.word(b).adjective_strip)
                if content in _INTERVIEW_NOUNS or v.word(b).report_verb:
                    context = True
                    break
            if not context:
                continue
            s, e = span[0], span[1]
            v.add(Cand(s, e, 0, "ORG", "rule", "quoted_outlet", subtype="media", sector="MED",
                       name=v.clean_text(s, e)))

    def _latin(self, v: DocView) -> None:
        k = 0
        while k < v.n:
            if not v.is_latin(k) or v.at(k) is not None or (k > 0 and v.is_latin(k - 1)):
                k += 1
                continue
            before = v.doc.text[max(0, v.tokens.starts[k] - 1) : v.tokens.starts[k]]
            if before in ("@", "#", "/", "."):
                k += 1
                continue
            span = self._latin_run(v, k)
            if span is None or any(v.at(t) is not None for t in range(span[0], span[1])):
                k += 1
                continue
            s, e, _ = span
            words = [v.form(t) for t in range(s, e) if v.is_latin(t)]
            acronym = len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 8
            orgish = any(w.lower() in _LATIN_ORG_WORDS for w in words)
            after = v.doc.text[v.tokens.ends[e - 1] : v.tokens.ends[e - 1] + 1] if e <= v.n else ""
            if (acronym or orgish) and after not in ("@", "/", "."):
                v.add(Cand(s, e, 0, "ORG", "rule", "latin", name=v.clean_text(s, e)))
            k = e

    # -- people after titles --------------------------------------------------------------------
    def _people_after_titles(self, v: DocView) -> None:
        for h in self.hits:
            if v.at(h.i) is not None:
                continue
            roles: list[RoleSpan] = []
            k = h.j
            is_rank = h.title.kind == "rank"
            comp = None
            if not is_rank:
                comp = self._title_complement(v, h.j)
                k = comp.end
                self.in_role.update(t for t in range(h.j, k) if not v.is_arabic(t) or v.word(t).given < 0)
                roles.append(
                    RoleSpan(
                        v.clean_text(h.i, k, h.strip), v.start(h.i, h.strip), v.end(k), h.title.sector,
                        org=comp.org, country=comp.country,
                    )
                )
            else:
                roles.append(RoleSpan(v.clean_text(h.i, h.j, h.strip), v.start(h.i, h.strip), v.end(h.j),
                                      h.title.sector, rank=True))
            comma = False
            if k < v.n and v.form(k) in _COMMAS:
                comma = True
                k += 1
            ranked = is_rank
            while k in self.hit_at and self.hit_at[k].title.kind == "rank":
                r = self.hit_at[k]
                roles.append(RoleSpan(v.clean_text(r.i, r.j, r.strip), v.start(r.i, r.strip), v.end(r.j),
                                      r.title.sector, rank=True))
                ranked = True
                k = r.j
            if k >= v.n:
                continue
            nxt = v.starting_at(k + 1)
            if (
                v.is_arabic(k) and v.at(k) is None and v.word(k).definite and not v.word(k).stop
                and nxt is not None and nxt.type == "PERSON"
            ):
                # «البطريرك الماروني بشارة الراعي»: a descriptive word between the title and a known name
                last = roles[-1]
                roles[-1] = RoleSpan(f"{last.title} {v.clean_text(k, k + 1)}", last.start, v.end(k + 1), last.sector,
                                     org=last.org, country=last.country, rank=last.rank)
                k += 1
            existing = v.starting_at(k)
            if existing is not None:
                if existing.type == "PERSON":
                    existing.roles.extend(roles)
                continue
            name = self._person_name(v, k, after_rank=ranked)
            if name is None:
                continue
            end, parts, strip = name
            enclosed = comma and (end >= v.n or v.form(end) in _COMMAS or v.is_punct(end)) and parts >= 2
            # «وزير الخارجية الأمريكي أنتوني بلينكن إن»: a role closed by a nationality adjective,
            # then two or three words that are neither definite nor a list's words, then a break
            after_adjective = (
                comp is not None and comp.ends_with_adjective and not comma and 2 <= parts <= 3
                and not any(v.word(t).definite for t in range(k, end) if v.is_arabic(t))
                and self._name_ends(v, end)
            )
            if not ranked and not enclosed and not after_adjective and not self._name_evidence(
                v, k, end, parts, comma
            ):
                continue
            cand = Cand(k, end, strip, "PERSON", "rule", "title", name=v.clean_text(k, end, strip))
            cand.roles.extend(roles)
            v.add(cand)

    def _people_before_titles(self, v: DocView) -> None:
        """«وقالت جين كونورز قائدة عمليات الشرطة», «ريما خلف، الأمينة التنفيذية …»: a name of two
        or three words right before a role (a comma may separate them), after a clause boundary
        or a verb, when a given name opens it or the recognizer reads a person there."""
        for h in self.hits:
            if h.title.kind != "role" or h.strip or v.at(h.i) is not None:
                continue
            b = h.i - 1 if h.i > 0 and v.form(h.i - 1) in _COMMAS else h.i
            for s in (b - 3, b - 2):
                if s < 0 or any(v.at(t) is not None for t in range(s, b)):
                    continue
                name = self._person_name(v, s)
                if name is None or name[0] != b or name[1] < 2 or name[2]:
                    continue
                w = v.word(s)
                prev = s - 1
                boundary = prev < 0 or v.is_punct(prev) or (
                    v.is_arabic(prev) and (v.word(prev).stop or v.word(prev).report_verb)
                ) or (v.is_arabic(prev) and not v.word(prev).definite and v.readings(prev)[0][1][:1] in "يتا")
                if not boundary and w.given < 0:
                    continue
                verb_before = prev >= 0 and v.is_arabic(prev) and v.word(prev).report_verb
                if not (
                    (w.given >= 0 and not w.common_name)
                    or (w.given >= 0 and b < h.i)  # «كريم بوزيان، رئيس البلدية»
                    or verb_before
                    or (v.model is not None and v.model.agrees(s, b, "PERSON"))
                ):
                    continue
                comp = self._title_complement(v, h.j)
                cand = Cand(s, b, 0, "PERSON", "rule", "name_title", name=v.clean_text(s, b))
                cand.roles.append(
                    RoleSpan(v.clean_text(h.i, comp.end, h.strip), v.start(h.i, h.strip), v.end(comp.end),
                             h.title.sector, org=comp.org, country=comp.country)
                )
                v.add(cand)
                break

    def _title_complement(self, v: DocView, k: int) -> Complement:
        """Words after a role that belong to it: «الخارجية», «الجيش الباكستاني», «في الشؤون»."""
        comp = Complement(k)
        parts: list[str] = []
        chain_open = True
        coordinated = 0
        while k < v.n and len(parts) < 8:
            c = v.starting_at(k)
            if c is not None:
                if c.type in _ORG_LIKE and not (c.strip and v.word(k).conj):
                    if c.type == "ORG" and comp.org is None:
                        comp.org = c
                    if c.type == "GPE" and not comp.country:
                        comp.country = self._country_of(c)
                    elif c.type == "ORG" and not comp.country:
                        comp.country = self._country_of(c)
                    parts.extend(v.content_key(t) for t in range(c.i, c.j))
                    k = c.j
                    chain_open = False
                    comp.ends_with_adjective = True  # a name closes the role: a person may follow
                    continue
                break
            if not v.is_arabic(k):
                break
            w = v.word(k)
            if w.stop:
                # «القيادي في حركة النهضة», «المتخصص في الشؤون الدولية», «النائب عن …»
                if v.keys[k] in _TITLE_PREPS and k + 1 < v.n:
                    nxt = v.starting_at(k + 1)
                    if (nxt is not None and nxt.type in _ORG_LIKE) or (
                        v.is_arabic(k + 1) and v.word(k + 1).definite and not v.word(k + 1).stop
                        and v.word(k + 1).given < 0
                    ):
                        k += 1
                        chain_open = False
                        continue
                break
            if k in self.hit_at:
                h = self.hit_at[k]
                if h.title.kind == "role" and (h.j - h.i > 1 or v.keys[k][h.strip :].startswith(ARTICLE)) and not h.strip:
                    # «نائب القائد العام», «مستشار رئيس الحكومة»
                    parts.extend(v.content_key(t) for t in range(h.i, h.j))
                    k = h.j
                    chain_open = False
                    continue
                break
            if (
                v.keys[k][:1] == "ل" and v.keys[k][1:] in self.lex.field_words and v.is_arabic(k + 1)
                and v.word(k + 1).definite and not v.word(k + 1).stop and v.at(k + 1) is None
            ):
                # «مساعد رئيس البلدية لشؤون السياحة», «وزير الدولة لشؤون الهجرة»
                parts.extend((v.content_key(k, 1), v.content_key(k + 1)))
                k += 2
                chain_open = False
                continue
            if (
                w.conj and coordinated < 2 and parts and v.keys[k][:3] in ("وال", "ولل") and len(v.keys[k]) > 5
                and w.given < 0 and not w.adjective and not w.kinship and v.at(k) is None
            ):
                # «وزير التخطيط والتعاون الدولي», «وزيرة المرأة والأسرة»: a coordinated portfolio
                coordinated += 1
                parts.append(v.content_key(k, 1))
                k += 1
                continue
            if w.report_verb or w.conj or w.kinship or w.appositive:
                break
            if w.adjective:
                if not comp.country:
                    comp.country = self.kb.entries[w.adjective].country
                parts.append(v.content_key(k, w.adjective_strip))
                k += 1
                chain_open = False
                comp.ends_with_adjective = True
                continue
            if w.qualifier:
                k += 1
                continue
            if self._name_starts(v, k):
                break
            if w.definite:
                if v.keys[k][:1] in "بك" and not v.keys[k].startswith(ARTICLE):
                    break  # «رئيس الجمهورية بالمساعدات …»: a prepositional phrase, not the role
                parts.append(v.content_key(k))
                k += 1
                chain_open = False
                comp.ends_with_adjective = False
                continue
            if chain_open:
                nxt = v.starting_at(k + 1)
                if (nxt is not None and nxt.type in _ORG_LIKE) or (
                    v.is_arabic(k + 1) and v.word(k + 1).definite and not v.word(k + 1).stop
                    and not self._name_starts(v, k + 1)
                ):
                    parts.append(v.content_key(k))
                    k += 1
                    continue
            break
        comp.end = k
        comp.parts = tuple(parts)
        return comp

    def _name_continues(self, v: DocView, k: int) -> bool:
        """Whether token ``k`` continues an organization's name after a nationality adjective: a
        definite word that is not a function word («قوات سورية الديمقراطية»)."""
        return v.is_arabic(k) and v.at(k) is None and v.word(k).definite and not (
            v.word(k).stop or v.word(k).report_verb or v.keys[k][:3] in _CLITIC_ARTICLE
        )

    def _name_starts(self, v: DocView, k: int) -> bool:
        c = v.starting_at(k)
        if c is not None:
            return c.type == "PERSON"
        if v.is_latin(k):
            return v.form(k)[:1].isupper()
        if not v.is_arabic(k):
            return False
        w = v.word(k)
        if w.given < 0 or w.stop:
            return False
        if not w.common_name and not w.definite:
            return True
        return self._name_follows(v, k)

    def _person_name(self, v: DocView, k: int, after_rank: bool = False) -> tuple[int, int, int] | None:
        """``(end, parts, strip)`` of a person's name starting at token ``k``. After a rank a
        family name alone may be the name («الشيخ الصلابي»)."""
        if v.is_latin(k):
            span = self._latin_run(v, k)
            if span is None:
                return None
            return span[1], span[1] - span[0], 0
        if not v.is_arabic(k):
            return None
        w = v.word(k)
        strip = w.given if w.given > 0 else 0
        opener = _opener_strip(v, k)
        if opener is not None:
            strip = opener
        if w.definite and w.given < 0 and not after_rank:
            return None
        if w.connector and opener is None:
            return None
        if w.given < 0 and v.keys[k].endswith("يه"):
            return None  # «حساسية …»: a noun in -ية, not a first name
        j = k
        parts = 0
        family_closed = False
        while j < v.n and parts < 4:
            if not v.is_arabic(j) or (j > k and (v.tokens.is_detached_proclitic(j) or len(v.keys[j]) == 1)):
                break
            c = v.at(j)
            if j > k and c is not None:
                if c.type == "PERSON" and c.i == j and c.method == "kb":
                    j = c.j
                    parts += 1
                break
            w = v.word(j)
            if (
                w.stop or w.report_verb or w.adjective or w.qualifier or w.kinship or w.appositive
                or j in self.hit_at or (j > k and w.conj)
            ):
                break
            if j > k and (
                self.lex.org_heads.longest(v.keys, v.readings(j), j) is not None
                or self.lex.place_nouns.longest(v.keys, v.readings(j), j) is not None
            ):
                break
            if w.second_part:
                if parts == 0:
                    return None
                j += 1
                continue
            if w.connector or (j == k and opener is not None):
                if v.is_arabic(j + 1) and v.at(j + 1) is None and not v.word(j + 1).stop:
                    j += 2
                    parts += 1
                    continue
                break
            if j > k and not self._name_part(v, j, w):
                break
            if family_closed and not w.connector:
                break  # «زياد الهاني محاولات …»: the name ended with its family name
            if parts >= 2 and w.definite and w.given < 0 and v.keys[j].endswith("ه"):
                break  # «نوران حواس المختطفة»: a feminine participle describes the person
            if (j > k or after_rank) and w.definite and w.given < 0:
                family_closed = True  # «الشيخ الصلابي», «زياد الهاني»: the family name ends it
            j += 1
            parts += 1
        if parts == 0:
            return None
        return j, parts, strip

    def _name_part(self, v: DocView, j: int, w: Word) -> bool:
        """Whether a word after a name's first word can continue it."""
        if w.given >= 0 or w.connector:
            return True
        key, form = v.keys[j], v.form(j)
        if w.definite and w.generic:
            return False
        if key[:3] in _CLITIC_ARTICLE or key[:2] == "لل":
            return False  # «بالقول», «للجيش»: a preposition, not a name
        if len(key) >= 5 and key.endswith("يا"):
            return False  # an adverb: «تدريجيا», «دوليا»
        if len(form) >= 4 and form.endswith("ه"):
            return False  # a pronoun suffix: «تصريحه»
        if key.endswith("يه") and not w.definite:
            return False  # a noun or adjective in -ية: «حساسية زيارة»
        return True

    def _name_evidence(self, v: DocView, k: int, end: int, parts: int, comma: bool) -> bool:
        """Whether a name after a role (not a rank) is credible."""
        w = v.word(k) if v.is_arabic(k) else None
        if w is None:
            return True  # Latin script after a title
        if w.given >= 0 and not w.common_name:
            return True
        if w.given >= 0 and 2 <= parts <= 3 and (comma or self._name_ends(v, end)) and not any(
            v.word(t).generic or v.word(t).qualifier for t in range(k + 1, end) if v.is_arabic(t)
        ):
            return True  # «رئيس المجلس الدستوري الطيب بلعيز،»: a given name and more, then a break
        if v.model is not None:
            # the recognizer reads a person there, or a family name follows a common given name
            return bool(v.model.agrees(k, end, "PERSON")) or (
                w.given >= 0 and parts >= 2 and self._family_name(v, end - 1)
            )
        if w.given >= 0:
            return True
        if parts >= 2:
            last = v.word(end - 1) if v.is_arabic(end - 1) else None
            return (last is not None and last.definite) or comma
        return False

    # -- roles said after a name ------------------------------------------------------------------
    def appositions(self, v: DocView, chosen: list[Cand]) -> None:
        """Roles given after a person's name: «صدام حفتر بصفته نائب القائد العام», «X، رئيس Y،»,
        and «حكومة الوحدة الوطنية برئاسة عبد الحميد الدبيبة»."""
        by_start = {c.i: c for c in chosen}
        by_end = {c.j: c for c in chosen}
        for p in chosen:
            if p.type != "PERSON" or p.j >= v.n:
                continue
            k = p.j
            appositive = v.is_arabic(k) and v.word(k).appositive
            if not (appositive or v.form(k) in _COMMAS):
                continue
            h = self.hit_at.get(k + 1)
            if h is None or h.title.kind != "role":
                continue
            comp = self._title_complement(v, h.j)
            end = comp.end
            nxt = end + 1 if end < v.n and v.form(end) in _COMMAS else end
            follower = by_start.get(end) or by_start.get(nxt)
            if not appositive and follower is not None and follower.type == "PERSON":
                continue  # «X، وزير الخارجية Y»: the title is Y's
            p.roles.append(
                RoleSpan(v.clean_text(h.i, end, h.strip), v.start(h.i, h.strip), v.end(end), h.title.sector,
                         org=comp.org, country=comp.country)
            )
        for k in range(1, v.n - 1):
            noun = _LED_BY.get(v.keys[k])
            if noun is None:
                continue
            org, person = by_end.get(k), by_start.get(k + 1)
            if org is None or person is None or org.type != "ORG" or person.type != "PERSON":
                continue
            title = f"{noun} {v.clean_text(org.i, org.j, org.strip)}"
            person.roles.append(RoleSpan(title, org.start, v.end(k + 1), org.sector, org=org, country=org.country))

    def paren_aliases(self, v: DocView, chosen: list[Cand]) -> list[Cand]:
        """«لجنة … لغربي آسيا (إسكوا)», «هيئة الإذاعة البريطانية (بي.بي.سي)»: a short name in
        parentheses (or a one-word name in quotation marks: «المجموعة الاقتصادية لدول غرب
        إفريقيا "الإكواس"») right after an organization is another name of it."""
        out = []
        taken = {t for c in chosen for t in range(c.i, c.j)}
        for c in chosen:
            if c.type != "ORG" or c.j >= v.n or not (v.form(c.j) == "(" or v.is_quote(c.j)):
                continue
            close = v.closing_quote(c.j)
            if close is None or not 1 <= close - c.j - 1 <= 4:
                continue
            if v.form(c.j) != "(" and (
                close != c.j + 2 or v.is_quote(c.i - 1) or self._quoted(v, c.j) is None
                or (v.is_arabic(c.j + 1) and (v.word(c.j + 1).adjective or v.keys[c.j + 1].endswith(("يه", "ي"))))
            ):
                continue  # «المجموعة … "الإكواس"»: one quoted word, not a quoted adjective
            s, e = c.j + 1, close
            if any(t in taken for t in range(s, e)) or any(v.kind(t) == "number" for t in range(s, e)):
                continue
            if not (v.is_arabic(s) or v.is_latin(s)) or (v.is_arabic(s) and v.word(s).stop):
                continue
            alias = Cand(s, e, 0, "ORG", "rule", "paren_alias", name=v.clean_text(s, e), same_as=c)
            v.finalize(alias)
            out.append(alias)
        return out

    # -- people by their names ------------------------------------------------------------------
    def _people_by_name(self, v: DocView) -> None:
        k = 0
        while k < v.n:
            if v.at(k) is not None or not v.is_arabic(k) or k in self.in_title:
                k += 1
                continue
            w = v.word(k)
            if (w.given < 0 and _opener_strip(v, k) is None) or w.stop:
                k += 1
                continue
            prev_verb = k > 0 and v.is_arabic(k - 1) and v.word(k - 1).report_verb
            # «في صالح الفرق»: a common given name right after a preposition is a word
            after_prep = k > 0 and v.is_arabic(k - 1) and v.keys[k - 1] in _PREPOSITION_WORDS
            name = self._person_name(v, k)
            if name is None:
                k += 1
                continue
            end, parts, strip = name
            if self.quoted_work(v, k, end):
                k = end  # «فيلم "حياة أديل"»: the quoted title of a work, not a person
                continue
            ok = False
            if parts >= 2 and not w.common_name:
                ok = True
            elif parts >= 2 and (prev_verb or (self._family_name(v, end - 1) and not after_prep)):
                ok = True
            elif parts >= 2 and v.model is not None and v.model.agrees(k, end, "PERSON"):
                ok = True
            elif parts == 1 and prev_verb and not w.common_name and self._name_ends(v, end):
                ok = True
            elif parts == 1 and prev_verb and v.model is not None and v.model.agrees(k, end, "PERSON"):
                ok = True
            if ok:
                v.add(Cand(k, end, strip, "PERSON", "rule", "name", name=v.clean_text(k, end, strip)))
                k = end
            else:
                k += 1

    def _family_name(self, v: DocView, t: int) -> bool:
        """A family name after a common-word given name: definite, not generic, not an adjective."""
        if not v.is_arabic(t):
            return False
        w = v.word(t)
        if v.keys[t].endswith("ات") and len(v.keys[t]) >= 6:
            return False  # «حسن سير الامتحانات»: a plural noun, not a family name
        return w.definite and not (w.generic or w.adjective or w.qualifier) and w.given < 0

    def _name_ends(self, v: DocView, end: int) -> bool:
        if end >= v.n or v.is_punct(end):
            return True
        if not v.is_arabic(end):
            return False
        w = v.word(end)
        form = v.form(end)
        # «… كيمورا بالتعاون»: a preposition with the article starts a new phrase; «… غوناي
        # وسلمته»: a conjunction before a word with a pronoun suffix starts a new clause
        return w.stop or w.report_verb or v.keys[end][:3] in _CLITIC_ARTICLE or v.keys[end][:2] == "لل" or (
            form[:1] in "وف" and len(form) >= 5 and form.endswith(("ه", "ها", "هم")) and w.given < 0
        )


#: nouns after which «لـ"…"» names an outlet: «في تصريح لـ"الاستقلال"»
_INTERVIEW_NOUNS = frozenset(
    {"تصريح", "تصريحات", "حديث", "مقابله", "حوار", "لقاء", "بيان", "تصريحه", "حديثه", "تصريحها", "حديثها"}
)
#: the dashes between a dateline's city and its outlet
_DASHES = frozenset({"-", "–", "—"})
_MEDIA_SUBTYPES = frozenset({"news_agency", "newspaper", "tv", "radio", "website", "media", "magazine"})
def _singular(key: str) -> bool:
    """A nationality adjective in the singular (an organization's): not «بريطانيين», «ليبيون»."""
    return not key.endswith(("ين", "ون", "يان"))


#: «… برئاسة X» / «… بقيادة X»: X heads the organization named before
_LED_BY = {"برئاسه": "رئيس", "بقياده": "قائد", "بزعامه": "زعيم"}
#: connectors that open a compound given name: «عبد الحميد», «أبو بكر»
_NAME_OPENERS = frozenset({"عبد", "ابو"})
#: words that open a kunya («أبو طلحة», «أم محمد»)
_KUNYA_OPENERS = frozenset({"ابو", "ام"})
def _opener_strip(v: DocView, k: int) -> int | None:
    """Proclitic letters before «عبد» or «أبو» opening a name («وعبد العزيز» → 1), or None."""
    key = v.keys[k]
    for strip, form in v.readings(k):
        if form in _NAME_OPENERS and all(ch in "وفل" for ch in key[:strip]):
            return strip
    return None


_PREPOSITION_WORDS = frozenset({"في", "من", "الي", "علي", "عن", "مع", "حتي"})
#: a proclitic and the article: «بالقول», «والجيش»
_CLITIC_ARTICLE = frozenset({"بال", "كال", "وال", "فال"})
_HAMZA = frozenset("أإآ")
#: prepositions inside a role's complement
_TITLE_PREPS = frozenset({"في", "عن", "لدي", "باسم"})
