"""Channel: the medium the words came through («عبر "النشرة"»، «في بيان»، «لوكالة رويترز»)."""

from __future__ import annotations

from claimx.extraction.cues import one_of
from claimx.extraction.lexicon import Lexicon, conjoined
from claimx.extraction.phrase import bare_noun, is_definite, is_verbal_noun, lam_of_its_own
from claimx.extraction.tokenize import PUNCTUATION, QUOTES, TokenizedText
from claimx.extraction.words import BEFORE_OUTLET, BEFORE_STATEMENT
from claimx.model import Range

MAX_OUTLET_TOKENS = 4
MAX_QUOTED_OUTLET = 8  # tokens between the quotation marks of an outlet's name
MAX_CHANNEL_WINDOW = 40  # tokens searched for a channel around a cue
_BEFORE_OUTLET = conjoined(BEFORE_OUTLET)  # «عبر "النشرة"»، «ضيف برنامج ...»
_BEFORE_STATEMENT = conjoined(BEFORE_STATEMENT)  # «في بيان»، «خلال مؤتمر صحفي»


def find_channel(tt: TokenizedText, lo: int, hi: int, lex: Lexicon) -> Range | None:
    """The first channel phrase between token ``lo`` and ``hi``.

    A range that starts on a token with a fused لـ («لوكالة») names the outlet without it:
    see ``lam_prefixed``.
    """
    hi = min(hi, lo + MAX_CHANNEL_WINDOW)
    tokens = tt.tokens
    for k in range(lo, hi):
        norm = tokens[k].norm
        if norm in _BEFORE_OUTLET:
            through = one_of(norm, ("عبر",))
            found = (
                None
                if through and not is_medium_at(tt, k + 1, lex)
                else _outlet(tt, k + 1, hi, lex)
            )
        elif norm in _BEFORE_STATEMENT:
            found = (
                _statement(tt, k + 1, hi, lex)
                if k + 1 < hi and _is_kind(tokens[k + 1].norm, lex)
                else None
            )
        elif norm[:1] == "ل" and k > lo and not norm.startswith("لل"):
            found = _told_outlet(tt, k, hi, lex)
        else:
            continue
        if found:
            return found
    return None


def is_medium_at(tt: TokenizedText, k: int, lex: Lexicon) -> bool:
    """What «عبر» names: a medium («عبر "تويتر"»، «عبر حسابه»، «عبر وسائل الإعلام»), or the
    way the object happened («اعترف باشتراكه عبر مساعدة التنظيم»، «تهريب السلع عبر الحدود»),
    a definite noun or a verbal noun that no outlet or kind of statement names."""
    if k >= len(tt.tokens):
        return True
    tok = tt.tokens[k]
    bare = bare_noun(tok.norm)
    if (
        tok.text in QUOTES
        or bare in lex.marker_set("outlet_heads")
        or bare in lex.marker_set("channel_kinds")
    ):
        return True
    return not (is_definite(tok) or is_verbal_noun(tok, lex))


def statement_end(tt: TokenizedText, k: int, lex: Lexicon) -> int | None:
    """End of «في بيان (صحفي) (له)» starting at ``k``, or None when none starts there."""
    if k + 1 >= len(tt.tokens) or tt.tokens[k].norm not in _BEFORE_STATEMENT:
        return None
    if not _is_kind(tt.tokens[k + 1].norm, lex):
        return None
    end = k + 2
    while end < len(tt.tokens) and tt.tokens[end].norm in lex.marker_set("channel_kind_modifiers"):
        end += 1
    return end


def _is_kind(norm: str, lex: Lexicon) -> bool:
    return norm in lex.marker_set("channel_kinds") or bare_noun(norm) in lex.marker_set(
        "channel_kinds"
    )


def _statement(tt: TokenizedText, k: int, hi: int, lex: Lexicon) -> Range:
    """«في بيان صحفي» → بيان صحفي; «في تصريح إلى "الوطن"» → "الوطن"."""
    end = k + 1
    modifiers = lex.marker_set("channel_kind_modifiers")
    while (
        end < hi
        and tt.tokens[end].norm in modifiers
        and tt.tokens[end].norm not in ("له", "لها", "لهم")
    ):
        end += 1
    nxt = end
    while nxt < hi and tt.tokens[nxt].norm in ("له", "لها", "لهم"):
        nxt += 1
    if nxt < hi:
        norm = tt.tokens[nxt].norm
        if norm in ("الي", "مع"):
            outlet = _outlet(tt, nxt + 1, hi, lex)
            if outlet:
                return outlet
        if norm[:1] == "ل" and not norm.startswith("لل"):
            # «في تصريح لجوهرة أف أم»: whoever a statement was given to is the outlet
            outlet = _told_outlet(tt, nxt, hi, lex) or _outlet(tt, nxt, hi, lex)
            if outlet:
                return outlet
    return (k, end)


def _outlet(tt: TokenizedText, k: int, hi: int, lex: Lexicon) -> Range | None:
    if k >= hi:
        return None
    partner = tt.quotes.get(k, -1)
    if tt.tokens[k].text in QUOTES and partner > k:
        # «عبر "النشرة"»: a quoted name is a few words; a long quotation is no outlet
        return (k, partner + 1) if partner - k <= MAX_QUOTED_OUTLET else None
    end = _outlet_words_end(tt, k, hi, lex)
    return (k, end) if end > k else None


def _outlet_words_end(tt: TokenizedText, k: int, hi: int, lex: Lexicon) -> int:
    """One past the last word of an outlet's name starting at ``k`` (a few words at most)."""
    end = k
    while (
        end < hi
        and end - k < MAX_OUTLET_TOKENS
        and tt.tokens[end].norm not in PUNCTUATION
        and not _is_stop(tt.tokens[end].norm, lex)
    ):
        end += 1
    return end


def _is_stop(norm: str, lex: Lexicon) -> bool:
    return (
        norm in lex.marker_set("source_stoppers")
        or norm in lex.marker_set("time_words")
        or norm in lex.verbs
    )


def _told_outlet(tt: TokenizedText, k: int, hi: int, lex: Lexicon) -> Range | None:
    """«قال لوكالة رويترز للأنباء»، «لـ"الجزيرة"»: the ل-object names the outlet told."""
    tok = tt.tokens[k]
    rest = tok.norm[1:]
    if rest == "" or tok.text.rstrip("\u0640") in ("ل", "لـ"):
        return _outlet(tt, k + 1, hi, lex)
    if (
        rest in lex.organisations
        or bare_noun(rest) in lex.marker_set("outlet_heads")
        or rest in lex.marker_set("outlet_heads")
    ):
        close = tt.quotes.get(k + 1, -1)
        quoted_name = k + 1 < hi and tt.tokens[k + 1].text in QUOTES and k + 1 < close < hi
        if quoted_name and close - k - 1 <= MAX_QUOTED_OUTLET:  # «لوكالة "فرانس برس"»
            return (k, close + 1)
        return (k, max(k + 1, min(_outlet_words_end(tt, k + 1, hi, lex), k + MAX_OUTLET_TOKENS)))
    return None


def lam_prefixed(tt: TokenizedText, rng: Range, lex: Lexicon) -> bool:
    """True when the range's first token carries the preposition لـ of «قال لوكالة رويترز»
    (not the ل of «لجنة» or «لبنان»)."""
    tok = tt.tokens[rng[0]]
    rest = tok.norm[1:]
    return (
        tok.norm[:1] == "ل"
        and not tok.norm.startswith("لل")
        and len(rest) >= 2
        and (rng[0] == 0 or tt.tokens[rng[0] - 1].norm not in _BEFORE_STATEMENT)
        and not lam_of_its_own(tok, lex)
    )
