"""The text-layer stages: normalization, tokens, sentences, paragraphs, headline; language."""

from __future__ import annotations

from marsad.doc import Document
from marsad.pipeline import stage
from marsad.text.language import detect_language
from marsad.text.normalize import normalize
from marsad.text.sentences import find_headline, split_paragraphs, split_sentences
from marsad.text.tokens import tokenize


@stage(
    "text",
    requires=("text",),
    provides=("normalized", "tokens", "sentences", "paragraphs", "headline"),
)
def text_layer(doc: Document) -> None:
    """Normalize with an offset map, tokenize, split sentences and paragraphs, find the headline."""
    doc.normalized = normalize(doc.text)
    doc.tokens = tokenize(doc.normalized)
    doc.sentences = split_sentences(doc.text)
    doc.paragraphs = split_paragraphs(doc.text)
    doc.headline = find_headline(doc.text, doc.paragraphs)
    if doc.title is None and doc.headline is not None:
        doc.title = doc.text[doc.headline.start : doc.headline.end]


@stage("language", requires=("text",), provides=("language",))
def language(doc: Document) -> None:
    """Identify the document's language (CLD2); a non-Arabic document is processed and flagged."""
    lang = detect_language(doc.text)
    doc.language = lang.code
    doc.language_confidence = lang.confidence
    if lang.code != "ar":
        doc.warnings.append(
            f"language is '{lang.code}', not Arabic ({lang.arabic_share or 0:.0%} of letters are Arabic): "
            "Arabic lexicons and rules may find little"
        )
