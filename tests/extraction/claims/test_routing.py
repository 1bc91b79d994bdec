"""Every kind of cue is built by one construction family of the claim builder."""

from claimx.extraction.claims.builder import FAMILIES
from claimx.extraction.lexicon import CueKind, load_lexicon


def test_every_cue_kind_has_a_family() -> None:
    assert set(FAMILIES) == set(CueKind)


def test_the_lexicon_gives_cue_kinds_as_enum_members() -> None:
    kinds = {form.kind for form in load_lexicon().verbs.values()}
    assert kinds == {CueKind.VERB, CueKind.PARTICIPLE, CueKind.PASSIVE}
    assert all(isinstance(kind, CueKind) for kind in kinds)
