"""Stages declare what they read and write; the pipeline checks the order."""

from __future__ import annotations

import pytest

import marsad
from marsad.doc import Document
from marsad.errors import PipelineError
from marsad.pipeline import Pipeline, default_pipeline, registered_stages, stage


@stage("test-shout", requires=("tokens",), provides=("hypotheses",))
def _shout(doc: Document) -> None:
    """A stage that reads tokens (only for these tests)."""


def test_default_pipeline_starts_with_the_text_layer() -> None:
    names = default_pipeline().names
    assert names[:2] == ["text", "language"]
    assert "test-shout" not in names


def test_a_stage_before_its_input_is_refused_with_the_missing_part_named() -> None:
    with pytest.raises(PipelineError) as err:
        Pipeline(["test-shout", "text"])
    message = str(err.value)
    assert "'test-shout' requires 'tokens'" in message and "add 'text' before it" in message


def test_unknown_stage_is_named() -> None:
    with pytest.raises(PipelineError, match="no stage named 'nope'"):
        Pipeline(["text", "nope"])


def test_unknown_part_in_a_declaration_is_refused() -> None:
    with pytest.raises(PipelineError, match="unknown document part 'tokenz'"):
        stage("bad", requires=("tokenz",))


def test_running_records_parts_and_timings() -> None:
    doc = Pipeline(["text", "test-shout"])(Document("نص قصير للتجربة."))
    assert {"normalized", "tokens", "sentences", "hypotheses"} <= doc.provided
    assert set(doc.timings) == {"text", "test-shout"}


def test_every_registered_stage_declares_known_parts() -> None:
    specs = registered_stages()
    assert "text" in specs and "language" in specs
    for spec in specs.values():
        assert spec.provides, f"stage {spec.name} provides nothing"


def test_analyze_returns_the_contract_with_offsets_into_the_original() -> None:
    text = "عنوان الخبر\nوصلَ الوفدُ إلى المدينة أمس."
    analysis = marsad.analyze(text, published="18/12/2025")
    d = analysis.to_dict()
    assert d["schema"] == "marsad.analysis/1"
    assert d["document"]["published"] == "2025-12-18"
    assert d["document"]["title"] == "عنوان الخبر"
    assert d["document"]["language"] == "ar"
    assert d["document"]["length"] == len(text)
    for key in ("entities", "times", "events", "quotes", "indicators", "hypotheses"):
        assert isinstance(d[key], list)
    assert analysis.doc.id == analysis.doc.id and len(analysis.doc.id) == 64
    assert "# عنوان الخبر" in analysis.to_markdown()


def test_non_arabic_text_is_processed_and_flagged() -> None:
    d = marsad.analyze("The delegation arrived in the city yesterday and met the minister.").to_dict()
    assert d["document"]["language"] == "en"
    assert any("not Arabic" in w for w in d["document"]["warnings"])
