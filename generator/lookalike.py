"""One key for text that looks the same: terms are compared by it, so that `МKB` (Cyrillic
М), `ＭＫＢ` (fullwidth) and `MKB` are one term, not three. Case is kept: `Novi` (the vision)
and `NOVI` (the abbreviation) are told apart on purpose (tests/test_terms.py), and a reader
sees the difference. Ids need no key: they are ASCII lowercase already (`SLUG_PATTERN`).

The look-alike data is Unicode's confusables list (UTS #39), as packaged by
confusable-homoglyphs: kept up to date there rather than copied here. It lists, for each
character, the characters it can be mistaken for, without a direction; the key takes the
lowest code point among a character and its single-character look-alikes, which sends
Cyrillic and Greek capitals to their Latin twins and keeps ASCII letters as they are.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from confusable_homoglyphs import confusables


@lru_cache(maxsize=None)
def _prototype(character: str) -> str:
    if character.isascii():
        return character  # ASCII is the prototype of its look-alikes (the list pairs `l`, `1`, `I`)
    twins = [entry["c"] for entry in confusables.confusables_data.get(character, ()) if len(entry["c"]) == 1]
    return min([character, *twins])


def look_alike_key(text: str) -> str:
    """The same key for two spellings a reader cannot tell apart: compatibility forms
    (fullwidth, ligatures) and composed/decomposed accents unified (NFKC), look-alike
    characters of other scripts replaced by their Latin twin."""
    compatible = unicodedata.normalize("NFKC", text)
    return unicodedata.normalize("NFKC", "".join(map(_prototype, compatible)))
