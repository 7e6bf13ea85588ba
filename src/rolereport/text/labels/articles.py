"""The English indefinite article of a name, by how the name is said: "an RN", "a user".

The rule goes by sound, not spelling. An initialism (a word of 1 to 5 capitals, or one that
starts with two capitals, such as "MLOps") is said letter by letter, so the first letter's
name decides: "an RN", "an NP", "an MBA", "a UX designer", "an HR manager". "SQL" follows
the same rule and gets "an SQL developer" (ess-cue-el); people who say "sequel" write
`article: a` on the role. Other words go by their first letter, with the common exceptions
of a silent "h" ("an hour", "an honest"), a "u" or "eu" said "you" ("a university", "a
user", "a European") and a "one" said "won" ("a one-off"). A role whose name the rule gets
wrong sets its own article (`article:` in the data file).
"""

from __future__ import annotations

import re

# Letters whose English names start with a vowel sound: "ay", "ee", "eff", "aitch", "eye",
# "el", "em", "en", "oh", "ar", "ess", "ex".
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")
# Words said with a silent "h".
_SILENT_H = ("hour", "honest", "honor", "honour", "heir")
# Words that start with a vowel letter but a consonant sound ("you", "won").
_CONSONANT_SOUND = (
    "uni", "unan", "use", "usa", "usu", "uter", "uti", "uto", "ura", "ure", "uri", "uro",
    "ubiq", "uku", "eu", "ewe", "one", "once",
)  # fmt: skip
# ... and the "un-" words among them that are said "un" after all: "an unimportant task".
_VOWEL_AFTER_ALL = ("unid", "unim", "unin", "unint")

_FIRST_WORD = re.compile(r"[\w']+")


def english_article(name: str) -> str:
    """ "a" or "an": the article a reader says before `name` ("an" for "RN", "a" for "UX")."""
    match = _FIRST_WORD.search(name)
    if not match:
        return "a"
    word = match.group()
    if word[:1].isdigit():
        return "an" if _said_with_vowel(word) else "a"
    if _is_initialism(word):
        return "an" if word[0].upper() in _VOWEL_LETTERS else "a"
    low = word.lower()
    if low.startswith(_SILENT_H):
        return "an"
    if low.startswith(_CONSONANT_SOUND) and not low.startswith(_VOWEL_AFTER_ALL):
        return "a"
    return "an" if low[0] in "aeiou" else "a"


def _is_initialism(word: str) -> bool:
    """Said letter by letter: "RN", "UX", "X" (in "X-ray"), "MLOps"; not a word of six
    capitals or more (said as a word, like "UNESCO"), nor an ordinary capitalised word."""
    letters = word.isalpha()
    if letters and word.isupper() and len(word) <= 5:
        return True
    return len(word) > 2 and word[0].isupper() and word[1].isupper() and not word.isupper()


def _said_with_vowel(word: str) -> bool:
    """A number said with a vowel first: 8, 80, 800, 11, 18, 11,000 ("an 18-month post")."""
    number = word[: len(word) - len(word.lstrip("0123456789"))]
    if number.startswith("8"):
        return True
    return number[:2] in ("11", "18") and len(number) % 3 == 2
