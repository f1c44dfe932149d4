"""Actor phrases: entity mentions grouped with their titles, appositions and governing words.

Arabic news names an actor through a phrase: «قائد الجيش الباكستاني، الجنرال عاصم منير»,
«برئيس الوزراء الباكستاني محمد شهباز شريف», «مع رئيس أركان البحرية، الأدميرال فلان»,
«بين الجيش الباكستاني وقوات شرق ليبيا», «من قبل خليفة حفتر», «نجل حفتر». For every mention this
module walks back over title words, place nouns and adjectives to the word that governs the
phrase (a preposition, an agent marker, a conjunction, or nothing: a bare phrase, which can be a
subject or an object), and joins an apposition to the phrase before it. The phrase's *actor*
is the person named in apposition when there is one («قائد X، فلان» → فلان), else the entity
itself («قائد X» stands for X); a kinship phrase «نجل X» stands for X's relative, never X.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from marsad.extract.events.context import ACTOR_TYPES, DocContext, MentionRef, PhraseSet, key, word_set
from marsad.lang import load_yaml

BARE = ""
AGENT = "agent"  # من قبل X
INVITE = "invite"  # بدعوة من X
HEAD = "head"  # وفد برئاسة X
GROUP = "group"  # وفد من X
COORD = "و"  # … و X
_QUOTES = frozenset("\"«»“”'")


@dataclass(frozen=True)
class RoleWords:
    titles: frozenset[str]
    kinship: frozenset[str]
    place_nouns: frozenset[str]
    place_preps: frozenset[str]
    agent_markers: PhraseSet
    head_markers: PhraseSet
    invite_markers: PhraseSet
    inclusive: PhraseSet
    group_nouns: frozenset[str]
    unit_nouns: frozenset[str]
    preps: frozenset[str]
    light_verbs: frozenset[str]
    auxiliaries: frozenset[str]
    stops: frozenset[str]
    series_links: frozenset[str]
    pronouns: frozenset[str]
    against: frozenset[str]
    sites: frozenset[str]
    pair_nouns: frozenset[str]
    agent_nouns: PhraseSet
    receive_verbs: frozenset[str]
    country_nouns: frozenset[str]
    forces: PhraseSet
    event_refs: PhraseSet
    frame_nouns: frozenset[str]
    affiliation: frozenset[str]
    citing: frozenset[str]
    channels: frozenset[str]
    decisions: frozenset[str]
    decision_links: frozenset[str]
    title_links: frozenset[str]


@cache
def role_words() -> RoleWords:
    r = load_yaml("event_roles.yaml")
    return RoleWords(
        titles=word_set(r["titles"]),
        kinship=word_set(r["kinship"]),
        place_nouns=word_set(r["place_nouns"]),
        place_preps=word_set(r["place_preps"]),
        agent_markers=PhraseSet.of(r["agent_markers"]),
        head_markers=PhraseSet.of(r["head_markers"]),
        invite_markers=PhraseSet.of(r["invite_markers"]),
        inclusive=PhraseSet.of(r["inclusive"]),
        group_nouns=word_set(r["group_nouns"]),
        unit_nouns=word_set(r["unit_nouns"]),
        preps=word_set(r["preps"]),
        light_verbs=word_set(r["light_verbs"]),
        auxiliaries=word_set(r["auxiliaries"]),
        stops=word_set(r["stops"]),
        series_links=word_set(r["series_links"]),
        pronouns=word_set(r["pronouns"]),
        against=word_set(r["against"]),
        sites=word_set(r["sites"]),
        pair_nouns=word_set(r["pair_nouns"]),
        agent_nouns=PhraseSet.of(r["agent_nouns"]),
        receive_verbs=word_set(r["receive_verbs"]),
        country_nouns=word_set(r["country_nouns"]),
        forces=PhraseSet.of(r["forces"]),
        event_refs=PhraseSet.of(r["event_refs"]),
        frame_nouns=word_set(r["frame_nouns"]),
        affiliation=word_set(r["affiliation"]),
        citing=word_set(r["citing"]),
        channels=word_set(r["channels"]),
        decisions=word_set(r["decisions"]),
        decision_links=word_set(r["decision_links"]),
        title_links=word_set(r["title_links"]),
    )


@dataclass
class ActorPhrase:
    head: MentionRef
    t0: int  # first token of the phrase (its marker word or first title)
    t1: int  # one past its last token (appositions included)
    marker: str  # BARE, a preposition key («مع», «ب», «إلى»), AGENT, HEAD, GROUP, COORD
    marker_tok: int  # the token that carries the marker (-1 for a bare phrase)
    titled: bool = False  # «قائد X»: the head mention is the genitive of a title
    kin: bool = False  # «نجل X»: the actor is X's relative
    members: list[MentionRef] = field(default_factory=list)
    actor: str | None = None  # the entity the phrase stands for
    actor_type: str = ""
    #: titled, or the «ل»/«ب» genitive right after a titled phrase («رئيس المجلس الرئاسي
    #: لحكومة الوفاق»): a person named next is the head of the whole chain
    chain_titled: bool = False

    @property
    def mt0(self) -> int:
        """First token of the named part (after the marker and titles)."""
        return self.head.t0


def _article_word(k: str) -> bool:
    return k.startswith("ال") and len(k) > 3


def build_phrases(ctx: DocContext, a: int, b: int, barriers: frozenset[int] = frozenset()) -> list[ActorPhrase]:
    """Actor phrases of the mentions whose first token is in [a, b) (one sentence); the walk back
    from a mention stops at a ``barriers`` token (a verb)."""
    w = role_words()
    keys = ctx.keys
    out: list[ActorPhrase] = []
    for m in ctx.mentions_in(a, b):
        prev = out[-1] if out else None
        marker, mtok, start, titled, kin, appos = _walk_back(ctx, w, m, a, prev, barriers)
        if appos and prev is not None:
            prev.members.append(m)
            prev.t1 = max(prev.t1, m.t1)
            if m.type == "PERSON" and (prev.actor_type != "PERSON" or prev.titled):
                prev.actor, prev.actor_type = m.entity, m.type
                prev.titled = False
                # «مدير عام أوروبا بوزارة الخارجية، فلان»: the person heads the whole chain of
                # phrases that follow each other without a break
                k = len(out) - 1
                while k > 0 and out[k].t0 == out[k - 1].t1 and out[k].marker not in (BARE, COORD):
                    k -= 1
                    head = out[k]
                    if head.head.type != "PERSON" and (head.titled or head.actor is None or head.actor_type != "PERSON"):
                        head.actor, head.actor_type, head.titled = m.entity, m.type, False
                        head.members.append(m)
            continue
        actor = m.entity if m.type in ACTOR_TYPES else None
        ph = ActorPhrase(m, start, m.t1, marker, mtok, titled, kin, [m], actor, m.type if actor else "")
        ph.chain_titled = titled or (
            marker in ("ل", "ب") and prev is not None and prev.t1 == start and prev.chain_titled
        )
        if marker == COORD and prev is not None and prev.t1 < m.t0 and keys[m.t0 - 1] not in "،,":
            # «بين X وY», «مع X وY»: the conjunction carries the first phrase's preposition along
            ph.marker_tok = prev.marker_tok
        out.append(ph)
    return out


def _walk_back(
    ctx: DocContext, w: RoleWords, m: MentionRef, lo: int, prev: ActorPhrase | None, barriers: frozenset[int]
) -> tuple[str, int, int, bool, bool, bool]:
    """(marker, marker token, phrase start, titled, kin, apposition) for mention m."""
    keys = ctx.keys
    p = m.prefix
    titled = kin = False
    if p:
        letters = p[1:] if p[0] in "وف" and len(p) > 1 else p
        if letters and letters[0] in "بل":
            head = _head_of_genitive(ctx, w, m, lo, letters[0])
            if head is None:
                first = ctx.readings(m.t0)
                if letters[0] == "ب" and any(f in w.place_nouns for _, f in first):
                    return "في", m.t0, m.t0, False, False, False  # «بقصر قرطاج»: where, not whom
                return letters[0], m.t0, m.t0, False, False, False
            if ctx.isin(head, w.affiliation):
                # «النقابة التابعة للاتحاد X»: whom the body belongs to, no side of its own
                return BARE, -1, head, False, False, prev is not None
            if (ctx.isin(head, w.unit_nouns) or letters[0] == "ب") and not ctx.isin(head, w.titles):
                # «الدائرة الجنائية بالمحكمة X», «القيادي بالحزب X»: the unit or member acts for it
                return GROUP, head, head, False, False, False
            titled = True  # «الأمين العام لحزب X»: a title of X, written with «ل»
        elif p[0] == "و" and prev is not None:
            return COORD, m.t0, m.t0, False, False, False
    if not p and prev is not None and m.t0 - 2 >= lo and keys[m.t0 - 1] in _QUOTES and keys[m.t0 - 2] == "و" and (
        prev.t1 == m.t0 - 2 or (prev.t1 == m.t0 - 3 and keys[m.t0 - 3] in _QUOTES)
    ):
        return COORD, m.t0 - 2, m.t0 - 2, False, False, False  # «حكومة X و"الجيش Y"»: «و» before a quote
    k = m.t0 - 1
    skipped = 0
    start = m.t0
    while k >= lo and skipped < 6:
        key = keys[k]
        if key in ("،", ","):
            if prev is not None and prev.t1 == k and (skipped == 0 or titled) and _apposable(prev, m, skipped, titled):
                return BARE, -1, start, False, False, True
            chain = _title_chain(ctx, w, k - 1, lo, prev) if skipped == 0 and m.type == "PERSON" else None
            if chain is not None:
                # «تعهد وزير الفلاحة والموارد المائية، فلان»: the person the unnamed titles describe
                start, titled = chain, True
                skipped += 1
                k = chain - 1
                continue
            return BARE, -1, start, titled, kin, False
        if not ctx.is_arabic(k):
            if ctx.kinds[k] == "punct" and key in "\"«»“”'":
                k -= 1
                continue
            break
        base = ctx.base(k)
        if k in barriers or ctx.isin(k, w.auxiliaries) or ctx.isin(k, w.stops):
            break
        for back in (2, 1, 3):  # «بدعوة من X», «في مقدمتهم X», «تلبية لدعوة من X»
            s0 = k - back + 1
            if s0 < lo:
                continue
            if w.invite_markers.match(ctx, s0) == back:
                return INVITE, s0, s0, titled, kin, False
            if w.inclusive.match(ctx, s0) == back:
                # «مع دول الجوار خاصة قطر»: the named one takes the preposition of the group
                for u in range(s0 - 1, max(lo, s0 - 4) - 1, -1):
                    if not ctx.is_arabic(u) or u in ctx.mention_at:
                        break
                    pb = ctx.base(u)
                    if pb in w.preps and pb not in ("في", "من"):
                        return pb, u, start, titled, kin, False
                return BARE, -1, start, titled, kin, False
        if k >= lo + 1 and w.agent_markers.match(ctx, k - 1) == 2:
            return AGENT, k - 1, k - 1, titled, kin, False
        if w.agent_markers.match(ctx, k) == 1:
            return AGENT, k, k, titled, kin, False
        n = w.head_markers.match(ctx, k)
        if n and k + n >= m.t0 - skipped:
            return HEAD, k, k, titled, kin, False
        if base in w.preps or key in w.preps:
            if base == "من" and k - 1 >= lo and ctx.isin(k - 1, w.group_nouns):
                return GROUP, k, k - 1, titled, kin, False
            if base == "في" and k - 1 >= lo and ctx.isin(k - 1, w.group_nouns) and m.type in ("ORG", "PERSON"):
                return GROUP, k, k - 1, titled, kin, False  # «نواب في البرلمان X», «قيادي في حركة X»
            mk = "بين" if base == "بين" else base
            if key[0] == "و" and base != key and prev is not None and base == "بين":
                mk = "بين"
            return mk, k, k, titled, kin, False
        if prev is not None and k < prev.t1:
            # «رئيسة الحكومة نجلاء بودن»: the name after a titled phrase is its head
            if prev.chain_titled and prev.head.type != "PERSON" and m.type == "PERSON":
                return BARE, -1, start, False, False, True
            break
        if ctx.isin(k, w.titles):
            strip, stem = 0, key  # «باسم», «وكالة»: a title as written, not a preposition + word
        else:
            strip, stem = _stem_of(ctx, k, w)
        lead = key[:strip]
        marked = bool(lead) and lead[-1] in "بل" and not lead.endswith("ال")
        if stem in w.kinship:
            kin = True
            skipped += 1
            start = k
            if marked:
                return lead[-1], k, k, titled, kin, False
            k -= 1
            continue
        is_title = stem in w.titles or stem in w.group_nouns
        if is_title or stem in w.place_nouns or _article_word(base):
            titled = titled or is_title
            start = k
            skipped += 1
            if marked and not _article_word(key):
                if lead[-1] == "ب" and stem in w.place_nouns and not is_title:
                    return "في", k, k, titled, kin, False  # «بقصر الحكومة»: where, not whom
                return lead[-1], k, k, titled, kin, False
            if is_title and prev is not None and prev.t1 == k and prev.head.type != "PERSON" and prev.titled:
                # «قائد الجيش الباكستاني المشير فلان»: an apposition without a comma
                return BARE, -1, start, False, False, True
            if prev is not None and key[:1] == "و" and base != key and (base in w.titles or _article_word(base)):
                return COORD, k, k, titled, kin, False  # «… والشيخ فلان»: the phrase starts at «و»
            if is_title and not base.startswith("ال") and k - 1 >= lo and _article_word(ctx.base(k - 1)) and not (
                ctx.isin(k - 1, w.titles) or (k - 1) in ctx.mention_at
            ):
                # «أوقفت السلطات الهولندية وزيرة الأسرة فلانة»: an indefinite title heads its own
                # phrase; the definite words before it belong to another
                return BARE, -1, start, titled, kin, False
            k -= 1
            continue
        # one free head noun with a preposition on it: «بتشكيل حكومة …», «لزيارة فلان»
        if marked:
            return lead[-1], k, k, titled, kin, False
        if ctx.isin(k, w.affiliation):
            # «الجامعة العامة للبنوك التابعة للاتحاد X»: X is whom the body belongs to
            return BARE, -1, start, False, False, prev is not None and prev.t1 >= k - 1
        # «بين شخصيتين مهمتين X و Y»: «بين» before a short description of the first side
        for back in range(k, max(lo, k - 3) - 1, -1):
            if ctx.base(back) == _BAYN:
                return _BAYN, back, back, titled, kin, False
            if not ctx.is_arabic(back) or back in ctx.mention_at or back in barriers or ctx.isin(back, w.stops):
                break
        break
    return BARE, -1, start, titled, kin, False


_BAYN = key("بين")


def _title_chain(ctx: DocContext, w: RoleWords, k: int, lo: int, prev: ActorPhrase | None) -> int | None:
    """The first token of a run of title words that ends at token k and names no one
    («وزير الفلاحة والموارد المائية», «القيادي بالحزب»), or None. The run starts with a title or
    a group noun and holds only titles, definite words (with و/ب/ل) and place nouns."""
    first = None
    t = k
    while t >= lo and k - t < 8 and ctx.is_arabic(t) and t not in ctx.mention_at:
        if prev is not None and t < prev.t1:
            break
        base = ctx.base(t)
        forms = [f for _, f in ctx.readings(t)]
        if _is_title(ctx, t, w) or ctx.isin(t, w.group_nouns) or any(f in w.group_nouns for f in forms):
            first = t
        elif not (any(_article_word(f) for f in forms) or base in w.place_nouns):
            break
        t -= 1
    return first


def _apposable(prev: ActorPhrase, m: MentionRef, skipped: int, titled: bool) -> bool:
    """Whether «X، Y» can be one actor named twice: not two different bodies or states named
    bare («دعت حركة X، الحكومة Y، إلى»: the subject, then the object), and not a body named
    bare then a titled person («طالب نواب في X، وزير الإعلام فلان»: the object)."""
    if prev.head.entity == m.entity or prev.titled or prev.head.type == "PERSON":
        return True
    if m.type in ("ORG", "GPE") and prev.head.type in ("ORG", "GPE"):
        return bool(skipped) and not titled
    return not (m.type == "PERSON" and titled)


def _head_of_genitive(ctx: DocContext, w: RoleWords, m: MentionRef, lo: int, letter: str) -> int | None:
    """For a mention written with «ل» or «ب» («لحزب X», «بالمحكمة X»): the title or unit noun it
    depends on, across at most three adjectives («الأمين العام ل…», «الدائرة الجنائية الرابعة
    ب…»), or None when the letter is a preposition of the clause. Only «ل» follows a title."""
    k = m.t0 - 1
    steps = 0
    while k >= lo and steps <= 3 and ctx.is_arabic(k) and k not in ctx.mention_at:
        if ctx.isin(k, w.unit_nouns) or (letter == "ل" and _is_title(ctx, k, w) and not ctx.isin(k, _BODIES)):
            return k
        if letter == "ب" and steps == 0 and (ctx.isin(k, w.group_nouns) or any(f in w.group_nouns for f in ctx.forms(k))):
            return k  # «القيادي بالحزب», «عضو بالبرلمان»: a member of the body
        if letter == "ل" and steps == 0 and ctx.isin(k, w.affiliation):
            return k
        if not ctx.keys[k].startswith("ال") or ctx.isin(k, w.stops):
            return None
        k -= 1
        steps += 1
    return None


#: title words that name a body, not an office: «أرسلت الحكومة لتونس» is a recipient
_BODIES = word_set(["حكومة", "الحكومة", "وزارة", "الوزارة", "سلطات", "السلطات", "الدولة", "قوات", "القوات", "جيش",
                    "الجيش", "إدارة", "الإدارة", "رئاسة", "الرئاسة", "قيادة", "القيادة", "سفارة", "السفارة"])


def _is_title(ctx: DocContext, k: int, w: RoleWords) -> bool:
    return ctx.isin(k, w.titles) or any(f in w.titles for _, f in ctx.readings(k))


def _stem_of(ctx: DocContext, k: int, w: RoleWords) -> tuple[int, str]:
    """(letters stripped, reading) of token k: the reading that is a title, place noun, kinship
    or group word, else the least stripped reading after a preposition, else the token."""
    readings = ctx.readings(k)
    for strip, f in readings:
        if f in w.titles or f in w.place_nouns or f in w.kinship or f in w.group_nouns:
            return strip, f
    for strip, f in readings:
        if strip and ctx.keys[k][:strip][-1:] in ("ب", "ل") and len(f) >= 3:
            return strip, f
    return 0, ctx.keys[k]


def family_member(ctx: DocContext, word_key: str, before: int, exclude: str | None = None) -> str | None:
    """«نجل حفتر»: the person named before token ``before`` whose family name is ``word_key``
    and who is not the one the family name alone stands for (the most named bare)."""
    cands: dict[str, int] = {}
    bare: dict[str, int] = {}
    for m in ctx.mentions:
        e = ctx.entities.get(m.entity)
        if e is None or e.type != "PERSON":
            continue
        if m.t1 - m.t0 == 1 and any(f == word_key for f in ctx.forms(m.t0)):
            bare[e.id] = bare.get(e.id, 0) + 1
        parts = e.name.split() if e.name else []
        if len(parts) > 1 and key(parts[-1]) == word_key and m.t0 < before:
            cands[e.id] = m.t0
    patriarch = max(bare, key=lambda x: bare[x]) if bare else None
    best = None
    for eid, _t in sorted(cands.items(), key=lambda kv: kv[1]):
        if eid != patriarch and eid != exclude:
            best = eid
    return best
