"""Name keys used to match speakers and aliases regardless of case, accents and spacing."""

import unicodedata


def fold_name(name: str) -> str:
    """Return ``name`` without accents, case or repeated whitespace: the key speakers are matched on."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("\u2019", "'").casefold().split())
