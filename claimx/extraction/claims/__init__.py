"""Claim assembly: each cue with its source, speaker, content and channel, one module per
construction family (verb cues, phrase cues, relays, pointing objects, quotations before
their cue), mixed into ``ClaimBuilder``."""

from claimx.extraction.claims.builder import ClaimBuilder
from claimx.extraction.claims.state import Draft

__all__ = ["ClaimBuilder", "Draft"]
