"""Closed classes of Arabic words (affixes, particles, pronouns, connectors), read once from
data/function_words.toml, where each list is written once.

The words are written there as tokens are normalised and used as written, so this module
needs nothing of the stages (only the table cache that keeps the file parsed): any stage may
import it, the lexicon included.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from claimx.extraction import tables


@cache
def function_words() -> dict[str, Any]:
    """The data file, read once per process."""
    return tables.data_file("function_words.toml")


def _words(name: str) -> frozenset[str]:
    return frozenset(function_words()[name])


def _in_order(name: str) -> tuple[str, ...]:
    """Affixes, tried in the order the data file gives."""
    return tuple(function_words()[name])


def _table(name: str) -> dict[str, str]:
    return dict(function_words()[name])


# Affixes
CONJUNCTIONS = _in_order("conjunctions")  # و، ف
VERB_PROCLITICS = ("", *CONJUNCTIONS)
IMPERFECT_PROCLITICS = _in_order("imperfect_proclitics")
OBJECT_SUFFIXES = _in_order("object_suffixes")
SPEAKER_SUFFIXES = _in_order("speaker_suffixes")
NOUN_PREFIXES = _in_order("noun_prefixes")
ARTICLE_PROCLITICS = _in_order("article_proclitics")
PRONOUN_AGREEMENT = _table("pronoun_agreement")  # attached pronoun → m, f, mp, md
PRONOUN_SUFFIXES = tuple(sorted(PRONOUN_AGREEMENT, key=len, reverse=True))  # longest first
NOUN_PRONOUNS = ("", *PRONOUN_AGREEMENT)  # on a verbal noun, naming its speaker: «بزعمه»
PRONOUN_ADJUNCTS = frozenset(  # «لي»، «لها»، «عنه»: to or about whom the words are
    prep + suffix
    for prep in _in_order("adjunct_prepositions")
    for suffix in _in_order("adjunct_suffixes")
)

# Prepositions and particles
PREPOSITIONS = _words("prepositions")
OBJECT_PREPOSITIONS = _table("object_prepositions")  # word → what cues.toml calls it
GOVERNING = _table("governing")
PARTICIPLE_OPENERS = _words("participle_openers")
CONDITIONALS = _words("conditionals")
JUSSIVE_PARTICLES = _words("jussive_particles")
INDIRECT_QUESTIONS = _words("indirect_questions")
QUESTION_PARTICLES = _words("question_particles")

# Pronouns and demonstratives
RELATIVES = _words("relatives")
RELATIVE_AGREEMENT = _table("relative_agreement")
RELATIVE_MA = _words("relative_ma")
RELATIVE_MAN = _words("relative_man")
WHO_IS = _words("who_is")
COPULAS = _words("copulas")
PARTITIVES = _words("partitives")
DEMONSTRATIVES = _words("demonstratives") | PARTITIVES
DEMONSTRATIVE_OBJECTS = _words("demonstrative_objects")
PROPOSITION_POINTERS = _words("proposition_pointers")
REFLEXIVES = _words("reflexives")
SAME_BEFORE = _words("same_before")

# Connectors
CLAUSE_START_WORDS = _words("clause_start_words")
NOT_PREPOSED = _words("not_preposed")
AND_WHICH = _words("and_which")
ONLY_ADVERBS = _words("only_adverbs")
TURN_OPENERS = _words("turn_openers")
CONTRASTIVES = _words("contrastives")
OBJECT_ENDERS = _words("object_enders")
BEFORE_OUTLET = _words("before_outlet")
BEFORE_STATEMENT = _words("before_statement")

# Verbs
KAN = _words("kan")
ISSUED = _words("issued")

# Names
NAME_LINKS = _words("name_links")
PATRONYMICS = _words("patronymics")
NAME_PARTICLES = _words("name_particles")
JOINED_NAME_STARTS = _words("joined_name_starts")
KEEP_WHOLE = _words("keep_whole")
GIVEN_NAME_HOMOGRAPHS = _words("given_name_homographs")
NAME_LOOKALIKES = _words("name_lookalikes")
TITLE_ABBREVIATIONS = _words("title_abbreviations")

# English glosses, for labels
DEMONSTRATIVE_GLOSS = _table("demonstrative_gloss")
PREPOSITION_GLOSS = _table("preposition_gloss")
QUANTIFIER_GLOSS = _table("quantifier_gloss")
PEOPLE_ALONE = _table("people_alone")  # «البعض» → "some"
IN_THEIR_NAME = _words("in_their_name")
