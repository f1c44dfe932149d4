"""The knowledge-base format, loader, merging of user files, and the kb commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import main
from marsad.errors import KnowledgeBaseError
from marsad.kb import alias_key, build_kb, load_kb

USER_FILE = """\
- id: sami-benamor
  type: PERSON
  subtype: journalist
  name: سامي بن عمر
  name_en: Sami Ben Amor
  aliases: [سامي بنعمر]
  country: TN
  roles:
    - {title: رئيس تحرير صحيفة الفجر, from: 2019, to: null}
- id: libya
  type: GPE
  name: ليبيا
  aliases: [الجماهيرية الليبية]
"""


@pytest.fixture()
def user_file(tmp_path: Path) -> Path:
    f = tmp_path / "mine.yaml"
    f.write_text(USER_FILE, encoding="utf-8")
    return f


def test_embedded_base_loads_and_links_spelling_variants() -> None:
    kb = load_kb()
    assert len(kb) > 0
    assert [e.id for e in kb.lookup("إسلام أباد")] == ["islamabad"]
    assert [e.id for e in kb.lookup("اسلام اباد")] == ["islamabad"]
    assert kb.adjective_index[alias_key("الباكستانية")[2:]] == "pakistan"


def test_alias_key_folds_hamza_diacritics_taa_marbuta_and_spaces() -> None:
    assert alias_key("إسلامُ  آباد") == alias_key("اسلام اباد")
    assert alias_key("وكالة") == alias_key("وكاله")
    assert alias_key("The News") == "the news"


def test_user_file_adds_entries_and_merges_aliases_of_known_ones(user_file: Path) -> None:
    kb = build_kb([user_file])
    person = kb.get("sami-benamor")
    assert person is not None and person.roles[0].start is not None and person.roles[0].start.year == 2019
    assert [e.id for e in kb.lookup("سامي بنعمر")] == ["sami-benamor"]
    libya = kb.get("libya")
    assert libya is not None
    assert "الجماهيرية الليبية" in libya.aliases and "Libya" in libya.aliases  # merged, not replaced
    assert libya.wikidata == "Q1016"  # fields the user file does not give are kept


@pytest.mark.parametrize(
    ("content", "line", "field", "words"),
    [
        ("- id: a\n  type: PERSONA\n  name: س\n", 2, "type", "PERSONA"),
        ("- id: a\n  type: PERSON\n  name: س\n- id: Bad Id\n  type: ORG\n  name: ص\n", 4, "id", "lowercase"),
        ("- id: a\n  type: GPE\n  name: س\n  country: Pakistan\n", 4, "country", "ISO"),
        ("- id: a\n  type: PERSON\n  name: س\n  roles:\n    - {title: وزير, from: 2020-13-01}\n", 5, "roles.from", "date"),
        ("- id: a\n  type: PERSON\n  nom: س\n", 3, "nom", "unknown field"),
        ("- id: a\n  type: PERSON\n", 1, "name", "required"),
        ("- id: a\n  type: PERSON\n  name: [س\n", 4, None, "YAML"),
    ],
)
def test_broken_yaml_names_file_line_and_field(
    tmp_path: Path, content: str, line: int, field: str | None, words: str
) -> None:
    f = tmp_path / "broken.yaml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as err:
        build_kb([f], embedded=False, user=False)
    assert err.value.path == str(f)
    assert err.value.line == line
    assert err.value.field == field
    assert words in str(err.value)


def test_broken_tsv_names_line_and_field(tmp_path: Path) -> None:
    f = tmp_path / "places.tsv"
    f.write_text("id\ttype\tname\tpopulation\nsousse\tGPE\tسوسة\t200000\nsfax\tGPE\tصفاقس\tmany\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as err:
        build_kb([f], embedded=False, user=False)
    assert (err.value.line, err.value.field) == (3, "population")
    assert "places.tsv:3" in str(err.value)


def test_reference_to_a_missing_entry_is_reported(tmp_path: Path) -> None:
    f = tmp_path / "refs.yaml"
    f.write_text("- id: a\n  type: PERSON\n  name: س\n- id: b\n  type: ORG\n  name: ص\n  parent: nowhere\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as err:
        build_kb([f], embedded=False, user=False)
    assert "nowhere" in str(err.value) and err.value.line == 4 and err.value.field == "parent"


def test_kb_commands(user_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_KB_DIR", str(tmp_path / "userkb"))
    runner = CliRunner()
    result = runner.invoke(main, ["kb", "show", "اسلام", "اباد"])
    assert result.exit_code == 0 and "Islamabad" in result.output
    result = runner.invoke(main, ["kb", "stats"])
    assert result.exit_code == 0 and "entities:" in result.output
    result = runner.invoke(main, ["kb", "add", str(user_file)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "userkb" / "mine.yaml").exists()
    assert build_kb().get("sami-benamor") is not None  # the user folder is part of the base now
    result = runner.invoke(main, ["kb", "show", "no such name here"])
    assert result.exit_code == 4 and "no entry is named" in result.output


def test_kb_add_refuses_a_broken_file_and_installs_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_KB_DIR", str(tmp_path / "userkb"))
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: a\n  type: PERSONA\n  name: س\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["kb", "add", str(bad)])
    assert result.exit_code == 4
    assert "bad.yaml:2" in result.output and "PERSONA" in result.output
    assert not (tmp_path / "userkb" / "bad.yaml").exists()
