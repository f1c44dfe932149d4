"""The Arabic text layer: normalization with offset maps, tokens, clitics, sentences, language."""

from marsad.text.normalize import Normalized, fold_key, match_key, normalize, normalize_text

__all__ = ["Normalized", "fold_key", "match_key", "normalize", "normalize_text"]
