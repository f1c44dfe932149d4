"""A small knowledge base for the entity tests (facts written here; some people are invented)."""

from __future__ import annotations

from pathlib import Path

from marsad.doc import Document, Entity
from marsad.extract.entities.stage import EntityExtractor
from marsad.kb import KnowledgeBase, build_kb
from marsad.pipeline import Pipeline

KB_YAML = """\
- {id: pakistan, type: GPE, subtype: state, name: باكستان, adjectives: [باكستاني, باكستانية],
   country: PK, cameo: PAK, prominence: 80}
- {id: libya, type: GPE, subtype: state, name: ليبيا, name_en: Libya, adjectives: [ليبي, ليبية], country: LY,
   cameo: LBY, prominence: 80}
- {id: france, type: GPE, subtype: state, name: فرنسا, adjectives: [فرنسي, فرنسية], country: FR,
   cameo: FRA, prominence: 80}
- {id: tunisia, type: GPE, subtype: state, name: تونس, adjectives: [تونسي, تونسية], country: TN,
   cameo: TUN, prominence: 80}
- {id: benghazi, type: GPE, subtype: city, name: بنغازي, country: LY, parent: libya,
   population: 650000, prominence: 60}
- {id: zawiya, type: GPE, subtype: city, name: الزاوية, weak_aliases: [الزاوية], country: LY,
   parent: libya, population: 200000}
- {id: tripoli, type: GPE, subtype: capital, name: طرابلس, country: LY, parent: libya, prominence: 70}
- {id: pakistan-army, type: ORG, subtype: military, name: الجيش الباكستاني, aliases: [جيش باكستان],
   country: PK, cameo: PAKMIL, parent: pakistan}
- {id: lna, type: ORG, subtype: military, name: الجيش الوطني الليبي, aliases: [قوات شرق ليبيا],
   country: LY, cameo: LBYMIL}
# a metonym that changed referent: the entries' roles give the periods
- {id: gna, type: ORG, subtype: government, name: حكومة الوفاق الوطني, aliases: [حكومة طرابلس], country: LY,
   prominence: 60, roles: [{title: حكومة طرابلس, from: 2016-03-30, to: 2021-03-15}]}
- {id: gnu, type: ORG, subtype: government, name: حكومة الوحدة الوطنية, aliases: [حكومة طرابلس], country: LY,
   prominence: 70, roles: [{title: حكومة طرابلس, from: 2021-03-15}]}
- {id: workers-party, type: ORG, subtype: party, name: حزب العمال, country: TN}
- {id: lana, type: ORG, subtype: news_agency, name: وكالة الأنباء الليبية, country: LY, cameo: LBYMED}
- id: khalifa-haftar
  type: PERSON
  name: خليفة حفتر
  aliases: [حفتر]
  country: LY
  cameo: LBYMIL
  prominence: 90
  roles: [{title: القائد العام للجيش الوطني الليبي, org: lna, from: 2015-03-02}]
- {id: saddam-haftar, type: PERSON, name: صدام حفتر, aliases: [حفتر], country: LY, prominence: 50}
# two invented foreign ministers of one family: the date decides who «الوزير العلوي» is
- id: ahmed-alaoui
  type: PERSON
  name: أحمد العلوي
  aliases: [العلوي]
  country: TN
  prominence: 40
  roles: [{title: وزير الخارجية, from: 2015-01-01, to: 2018-12-31}]
- id: sami-alaoui
  type: PERSON
  name: سامي العلوي
  aliases: [العلوي]
  country: TN
  prominence: 30
  roles: [{title: وزير الخارجية, from: 2019-01-01, to: 2022-12-31}]
"""


def make_kb(tmp_path: Path) -> KnowledgeBase:
    f = tmp_path / "test-kb.yaml"
    f.write_text(KB_YAML, encoding="utf-8")
    return build_kb([f], embedded=False, user=False)


def run(extractor: EntityExtractor, text: str, published: str | None = None) -> Document:
    from marsad.dates import parse_published

    doc = Document(text=text, published=parse_published(published))
    Pipeline(["text"])(doc)
    extractor(doc)
    return doc


def names(doc: Document) -> dict[str, Entity]:
    """Entities by the text of their first mention."""
    return {e.mentions[0].text: e for e in doc.entities}


def mention_texts(doc: Document) -> list[tuple[str, str]]:
    return sorted((m.text, e.type) for e in doc.entities for m in e.mentions)
