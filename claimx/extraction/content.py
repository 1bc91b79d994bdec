"""Content: where the attributed proposition starts and ends.

Starts after the complementizer, inside a quotation, after a colon, or at the object; ends at
the end of the proposition: the sentence end, a coordinated cue («، وتشير»), a post-posed
attribution («، بحسب ...») or a contrastive clause of the writer («، لكن ...»).
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from claimx.extraction.channel import is_medium_at, statement_end
from claimx.extraction.cues import CueMatch, one_of
from claimx.extraction.gazetteer import known_body
from claimx.extraction.lexicon import CueKind, CuePosition, Lexicon, Takes
from claimx.extraction.phrase import (
    ali_as_name,
    bare_noun,
    heads_of,
    is_adverbial_participle,
    is_complementizer,
    is_definite,
    is_verbal_noun,
    names_outlet_told,
    starts_sequence,
)
from claimx.extraction.tokenize import (
    OPEN_QUOTES,
    PUNCTUATION,
    QUOTES,
    SENTENCE_END,
    Token,
    TokenizedText,
    is_ellipsis_dot,
    is_name_lookalike,
)
from claimx.extraction.words import (
    AND_WHICH,
    CONTRASTIVES,
    GOVERNING,
    NOT_PREPOSED,
    OBJECT_ENDERS,
    OBJECT_PREPOSITIONS,
    PREPOSITIONS,
    RELATIVES,
    TURN_OPENERS,
)
from claimx.model import Range

MAX_OPENER_DISTANCE = 30
MAX_QUOTATION_REACH = 8  # from a quotation-only verb to its quotation
# No attributed proposition runs longer: keeps run-on text (no punctuation) linear.
MAX_PROPOSITION_TOKENS = 200
MAX_QUOTE_TOKENS = 400  # a longer quotation is read as running text
CLAUSE_PUNCT = frozenset({"،", ",", "؛", ";"})
INNER_END = frozenset({".", "،", ","})  # left out just inside a closing quote (rules v2, 10)
# Phrases after their content («...، بحسب الشرطة»): the content ends before them.
POSTPOSED_POSITIONS = frozenset(
    {CuePosition.SOURCE_AFTER, CuePosition.OWN_PRONOUN, CuePosition.DROPPED}
)
QUOTE_ONLY = frozenset({Takes.QUOTE})  # «ختم»: a quotation only, never a complementizer
THAT_OR_AN = frozenset({Takes.THAT, Takes.AN})
MIN_QUOTATION_TOKENS = 2
# A complementizer with no pronoun opening a quotation is left out of it; «"إنه يدرس"» keeps
# «إنه», the subject of the quoted clause.
BARE_THAT = frozenset({"ان", "بان"})
CONDITIONAL_AFTER = frozenset({"لم", "كان", "كانت"})  # «"إن لم تتحرك الحكومة ..."»: «if»
PARENTHETICAL_TOKENS = 9  # «، ومن بينهم عون شرطة وسائق سيارة أجرة،»
TURN_WINDOW = 4  # a connector and a short subject: «لكن مسؤولين آخرين قالوا»
DEFINITE_RELATIVES = frozenset(w for w in RELATIVES if w.startswith("ال"))  # not «ما»، «من»


def _governed_by_bi(tok: Token, lex: Lexicon) -> bool:
    norm = tok.norm
    return (
        norm.startswith("ب")
        and len(norm) > 3
        and norm not in lex.marker_set("np_links")
        and not norm.startswith("بال")
        or norm.startswith("بال")
        and len(norm) > 5
    )


def _names_event(tok: Token, lex: Lexicon) -> bool:
    """«أفاد مصدر أمس بمقتل ...»: past the subject, a بـ-word opens the content only when it
    names an event; «بالنيابة» (acting) or a place («باماكو») belongs to the subject."""
    noun = bare_noun(tok.norm[1:])
    return noun in lex.marker_set("event_nouns") or is_verbal_noun(
        tok._replace(text=tok.text[1:], norm=tok.norm[1:], start=tok.start + 1), lex
    )


def _bare_function_word(norm: str) -> str:
    """«وعلى» → «علي»: a preposition with a conjunction on it."""
    if (
        len(norm) > 2
        and norm[0] in "وف"
        and (norm[1:] in GOVERNING or norm[1:] in OBJECT_PREPOSITIONS)
    ):
        return norm[1:]
    return norm


def is_speech_length(tt: TokenizedText, k: int) -> bool:
    """A quotation opened at ``k`` short enough to be one attributed quote: nested runs of
    quotes would otherwise give every level the whole run (output quadratic in the input)."""
    return tt.quotes.get(k, -1) - k <= MAX_QUOTE_TOKENS


def is_quotation(tt: TokenizedText, k: int, lex: Lexicon) -> bool:
    """A quotation that is speech, not a quoted name («عبر "النشرة"»، «نقل "داعش" لقيادته»)."""
    close = tt.quotes.get(k, -1)
    if close <= k or close - k - 1 < MIN_QUOTATION_TOKENS and tt.tokens[k - 1].text != ":":
        return False
    if not is_speech_length(tt, k):
        return False
    prev = tt.tokens[k - 1].norm if k > 0 else ""
    if (
        prev in GOVERNING
        or prev in ("عبر", "ل", "ب", "باسم")
        or prev in lex.marker_set("channel_kinds")
        or k > 0 and names_outlet_told(tt.tokens[k - 1], lex)  # «لوكالة "فرانس برس":»
        or k > 0 and _names_quoted_body(tt.tokens[k - 1], lex)
    ):
        return False
    if close + 1 >= len(tt.tokens):
        return True
    after = tt.tokens[close + 1]
    if _names_subject_before_that(tt, k, close, lex) or _qualified_by_relative(tt, close):
        return False
    if known_body(" ".join(t.norm for t in tt.tokens[k + 1 : close])):
        return False  # «شاركت فيها "الجوهرة أف أم"»: a quoted outlet's name
    return (
        after.norm in PUNCTUATION
        or _joins_quotes(tt, close + 1)
        or tt.sentence_of[close + 1] != tt.sentence_of[close]
        or tt.tokens[close - 1].text in SENTENCE_END  # «قالت: "... توضيح." وقال الوزير»
        or _next_cue_after(tt, k, close, lex)
    )


def _names_subject_before_that(tt: TokenizedText, k: int, close: int, lex: Lexicon) -> bool:
    """«أكد «المرصد السوري لحقوق الإنسان»، أن ...»: a quoted name, a comma, then the
    complementizer of the content: the quotation is the subject (no colon before it)."""
    if k == 0 or tt.tokens[k - 1].text == ":" or close + 2 >= len(tt.tokens):
        return False
    return tt.tokens[close + 1].norm in ("،", ",") and tt.tokens[close + 2].norm in (
        lex.complementizers
    )


def _qualified_by_relative(tt: TokenizedText, close: int) -> bool:
    """«على هامش "المؤتمر الدولي"، الذي عقد في دمشق»، «برنامج "السكن الأول" الذي أطلقته»: a
    relative clause after the closing quote describes a quoted name; speech takes none."""
    k = close + 1
    if k < len(tt.tokens) and tt.tokens[k].norm in CLAUSE_PUNCT:
        k += 1
    return k < len(tt.tokens) and tt.tokens[k].norm in DEFINITE_RELATIVES


def _names_quoted_body(tok: Token, lex: Lexicon) -> bool:
    """«في "بيرسون"»، «لدى "ستاندرد تشارترد"»، «رئيس منظمة "جي ستريت"»، «لشركة "النور"»: a
    quotation after a preposition or an unnamed institution names it; it is no speech."""
    norm = tok.norm
    if one_of(norm, PREPOSITIONS):
        return True
    if norm[:1] in "لب" and not norm.startswith(("لا", "لل", "بال")):
        norm = norm[1:]  # «لشركة»، «بمؤسسة»
    return not is_definite(tok) and (
        norm in heads_of("organisation") or norm in lex.marker_set("outlet_heads")
    )


def _next_cue_after(tt: TokenizedText, k: int, close: int, lex: Lexicon) -> bool:
    """«وأضاف الوزير "لم يكن القرار سهلا" مشيرا إلى أن»: the speaker's next cue follows a
    quotation of a few words; «صحيفة "موندو ديبورتيفو" نقلا عن» names an outlet."""
    form = lex.verbs.get(tt.tokens[close + 1].norm)
    return (
        form is not None
        and form.kind == CueKind.PARTICIPLE
        and close - k > MIN_QUOTATION_TOKENS + 1
        and bare_noun(tt.tokens[k - 1].norm) not in lex.marker_set("outlet_heads")
    )


class OpenerKind(StrEnum):
    """What introduces the content."""

    THAT = "that"  # a complementizer: the content after it
    QUOTE = "quote"  # a quotation: the content inside it
    COLON = "colon"  # a colon: the quotation or clause after it
    PREP = "prep"  # a preposition the cue takes: its object after it
    BI = "bi"  # بـ on a noun: the content from that noun («أقر بوجود»)


class Opener(NamedTuple):
    """What introduces the content, and where."""

    kind: OpenerKind
    index: int


def find_opener(tt: TokenizedText, cue: CueMatch, limit: int, lex: Lexicon) -> Opener | None:
    """The first content opener the cue can take, before ``limit`` (the next cue)."""
    _, sentence_end = tt.sentence_bounds(cue.first)
    stop = min(limit, sentence_end, cue.last + MAX_OPENER_DISTANCE)
    if cue.takes == QUOTE_ONLY:
        stop = _quotation_reach(tt, cue.last, stop)
    opener = _first_opener(tt, cue, stop, lex)
    if opener is not None and opener.kind == OpenerKind.BI:
        that = _complementizer_in_clause(tt, opener.index + 1, stop, lex)
        if that is not None:
            return Opener(OpenerKind.THAT, that)
    return opener


def _quotation_reach(tt: TokenizedText, k: int, stop: int) -> int:
    """«وزاد الوزير: "..."»: a verb that takes only a quotation («زاد»، «أكمل») has it
    right after its subject, before any comma; «زاد من حجم الخلافات، ...» is no cue."""
    stop = min(stop, k + MAX_QUOTATION_REACH)
    for j in range(k, stop):
        tok = tt.tokens[j]
        if tok.norm in PUNCTUATION and tok.text not in QUOTES and tok.text != ":":
            return j
    return stop


def _complementizer_in_clause(tt: TokenizedText, k: int, stop: int, lex: Lexicon) -> int | None:
    """«وتفيد بيانات الوزارة بأن ...»: a word in بـ may be the subject; a complementizer
    later in the clause opens the content."""
    for j in range(k, stop):
        tok = tt.tokens[j]
        if tok.norm in lex.complementizers:
            return j
        if tok.norm in PUNCTUATION:
            return None
    return None


def _first_opener(tt: TokenizedText, cue: CueMatch, stop: int, lex: Lexicon) -> Opener | None:
    takes = cue.takes
    _, sentence_end = tt.sentence_bounds(cue.first)
    tokens, complementizers = tt.tokens, lex.complementizers
    that = takes != QUOTE_ONLY and Takes.CLAIM_OBJECT not in takes
    quote = Takes.QUOTE in takes
    bi = Takes.BI in takes
    k = cue.last
    while k < stop:
        tok = tokens[k]
        if that and tok.norm in complementizers and not (k == cue.last and is_name_lookalike(tok)):
            prev = _bare_function_word(tokens[k - 1].norm) if k > 0 else ""
            governed = None if ali_as_name(tt, k - 1, lex) else GOVERNING.get(prev)
            if governed is None or governed in takes:
                if Takes.ILA in takes and not takes & THAT_OR_AN and prev != "الي":
                    return None
                return Opener(OpenerKind.THAT, k)
        if tok.text in QUOTES or tok.text == ":":
            if tok.text == ":" and quote:
                return Opener(OpenerKind.COLON, k)
            if quote and is_quotation(tt, k, lex):
                return Opener(OpenerKind.QUOTE, k)
            if tok.text in QUOTES and tt.quotes.get(k, -1) > k:
                k = tt.quotes[k] + 1
                continue
        prep = OBJECT_PREPOSITIONS.get(_bare_function_word(tok.norm))
        if prep and k > cue.last and ali_as_name(tt, k, lex):
            prep = None  # «أكد المتحدث ... عدن علي الأحمدي أن»: a name, not «على»
        if (
            prep
            and prep in takes
            and (prep != Takes.ILA or Takes.THAT in takes)  # «ذهب إلى أن», not «ذهب إلى القاهرة»
            and k + 1 < sentence_end
            and not is_complementizer(tokens[k + 1], lex)
        ):
            if (
                cue.relay
                and prep == Takes.AN
                or prep == Takes.FI
                and tokens[k - 1].norm in CLAUSE_PUNCT
                and statement_end(tt, k, lex) is not None
            ):
                k += 1  # «شكك، في تصريح لإذاعة، في نزاهة ...»: the statement is the channel
                continue
            that = _complementizer_after_noun(tt, k + 1, lex)
            if that is not None:
                return Opener(OpenerKind.THAT, that)
            return Opener(OpenerKind.PREP, k)
        if bi and _governed_by_bi(tok, lex) and (k == cue.last or _names_event(tok, lex)):
            return Opener(OpenerKind.BI, k)  # «أقر الوزير بوجود أخطاء»: content from «بوجود»
        k += 1
    return None


def _complementizer_after_noun(tt: TokenizedText, k: int, lex: Lexicon) -> int | None:
    """«شددت على قناعتها بأنه ...»، «أكد على ضرورة أن ...»: a noun after the preposition
    that takes a clause; the content is the clause."""
    for j in range(k + 1, min(k + 3, len(tt.tokens))):
        if is_complementizer(tt.tokens[j], lex):
            return j
        if tt.tokens[j].norm in PUNCTUATION:
            return None
    return None


def proposition_end(
    tt: TokenizedText, start: int, cue_at: dict[int, CueMatch], lex: Lexicon, after_cue: CueMatch
) -> int:
    """One past the last token of the proposition that starts at ``start``.

    ``cue_at`` maps the first token of every cue in the text to the cue.
    """
    _, sentence_end = tt.sentence_bounds(start) if start < len(tt.tokens) else (0, start)
    sentence_end = min(sentence_end, start + MAX_PROPOSITION_TOKENS)
    tokens, quotes = tt.tokens, tt.quotes
    k = start
    last_clause_punct = -1
    while k < sentence_end:
        tok = tokens[k]
        if tok.text in QUOTES and quotes.get(k, -1) > k:
            k = quotes[k] + 1
            if k < sentence_end and tokens[k].norm in lex.marker_set("after_quote_circumstances"):
                return trim_end(tt, start, k)  # «"الدولة انتهت" بعد انتخاب ...»: a circumstance
            continue
        if k > start and starts_sequence(tt, k, "justification_tails", lex):
            return trim_end(tt, start, k)  # «... الصيف خاصة وأنه باع»: the writer's reason
        if k > start and tok.norm in lex.speech_act_participles:
            return trim_end(tt, start, k)  # «... انتهت"، داعيا إسرائيل إلى»: the speaker's next act
        if k > start and tok.norm in lex.speech_acts and _object_noun_at(tt, start, lex):
            return trim_end(tt, start, k)  # «كذبت الزوجة الرواية المفاجئة تساءلت»: a new act
        if k in cue_at and k > start and k > after_cue.first:
            end = _end_before_cue(tt, start, k, cue_at[k], last_clause_punct, lex)
            if end is not None:
                return trim_end(tt, start, end)
        if tok.norm in CLAUSE_PUNCT or tok.text == "." and is_ellipsis_dot(tt.text, tok):
            last_clause_punct = k
            if _starts_content_ender(tt, k + 1, lex) or (
                k + 1 < sentence_end
                and is_adverbial_participle(tokens[k + 1])
                and parenthetical_end(tt, k) is None  # «تلقيها، مؤخرا، لشكاوى»: an aside
            ):  # «...، مقرا خلال مؤتمر صحفي أن»: the speaker goes on to another claim
                return trim_end(tt, start, k)
        k += 1
    return trim_end(tt, start, sentence_end)


def _object_noun_at(tt: TokenizedText, start: int, lex: Lexicon) -> bool:
    """The content is the cue's object, a definite noun («كذبت الزوجة الرواية»), not a
    clause after a complementizer or a colon («إن الحكومة انتقدت»)."""
    before = tt.tokens[start - 1] if start > 0 else None
    return (
        is_definite(tt.tokens[start])
        and before is not None
        and before.norm not in lex.complementizers
        and before.text not in QUOTES
        and before.norm not in PUNCTUATION
    )


def _end_before_cue(
    tt: TokenizedText, start: int, k: int, cue: CueMatch, last_punct: int, lex: Lexicon
) -> int | None:
    if cue.kind == CueKind.PHRASE and cue.position in POSTPOSED_POSITIONS:
        if tt.tokens[k - 1].text in ("-", "(", "–"):
            return None  # a parenthetical «-وفقا لـ X-» stays inside the content
        if tt.tokens[k - 1].norm in CLAUSE_PUNCT and parenthetical_end(tt, k - 1) is not None:
            return None  # «أدى، حسب آخر حصيلة، إلى وفاة»: the proposition goes on after it
        return k
    if Takes.CLAIM_OBJECT in cue.takes or cue.kind == CueKind.NOUN:
        return None  # «ويرفض الخلود للراحة»، «تلميحات بأنه»: inside the content
    if k - 1 > start and one_of(tt.tokens[k - 1].norm, CONTRASTIVES):
        return k - 1  # «أنه لن يصوت لزميله لكنه قال إن»: the writer turns to a new claim
    if last_punct < start:
        if cue.kind == CueKind.VERB and tt.tokens[k].norm[:1] in "وف" and cue.conjoined:
            return k  # «ينفي نتنياهو ارتكاب أي مخالفة وتشير الاستطلاعات إلى»
        if cue.kind == CueKind.PARTICIPLE:
            return k  # «أن الجسر سيغلق لافتا إلى أن»: the participle is the speaker's next claim
        turn = _turn_before(tt, start, k, lex) if cue.kind == CueKind.VERB else None
        if turn is not None:
            return turn  # «أنه قتل لكن آخرين قالوا إنه»: another speaker's turn
        return None  # a nested claim inside the content: «إن بلاده تتوقع أن ...»
    if _apposed_subject(tt, start, k, cue):
        return None  # «أن وزير الدفاع، سيرغي شويغو، قال إن»: the nested claim's subject
    between = tt.tokens[last_punct + 1 : k]
    if cue.kind == CueKind.PARTICIPLE and between:
        return k  # «... ذات القيمة المضافة مؤكدا أن»: the participle opens the next claim
    if not between or cue.conjoined or cue.kind == CueKind.PARTICIPLE:
        return last_punct
    first = between[0].norm
    openers = lex.marker_set("clause_openers")
    if first[:1] in "وف" and len(first) > 1 or one_of(first, openers):
        return last_punct
    return None


def _turn_before(tt: TokenizedText, start: int, k: int, lex: Lexicon) -> int | None:
    """A connector a few words before the cue at ``k`` that opens a new turn: «لكن آخرين
    قالوا»، «ومن جانبه قال المدير»، «حيث قال»; the content ends before it."""
    sides = lex.marker_set("side_nouns")
    for j in range(k - 1, max(start, k - TURN_WINDOW), -1):
        norm = tt.tokens[j].norm
        if one_of(norm, TURN_OPENERS):
            return j
        if one_of(norm, ("من",)) and j + 1 < k and tt.tokens[j + 1].norm in sides:
            return j
    return None


def parenthetical_end(tt: TokenizedText, k: int) -> int | None:
    """The comma closing a short aside opened by the comma at ``k`` when the phrase goes on
    after it with a preposition: «تلقيها، مؤخرا، لمعلومات»، «وقوفها، وكل الدول، في محاربة»."""
    _, sentence_end = tt.sentence_bounds(k)
    for m in range(k + 2, min(k + 2 + PARENTHETICAL_TOKENS, sentence_end - 1)):
        norm = tt.tokens[m].norm
        if norm in CLAUSE_PUNCT:
            return m if _continues_with_preposition(tt.tokens[m + 1].norm) else None
        if norm in PUNCTUATION:
            return None
    return None


def _continues_with_preposition(norm: str) -> bool:
    """«في»، «إلى»، «لمعلومات»، «بالسلاح»: a preposition (or ل/ب on a noun) goes on."""
    if norm in OBJECT_PREPOSITIONS or norm in ("مع", "ضد"):
        return True
    return len(norm) >= 4 and norm[0] in "لب" and not one_of(norm, NOT_PREPOSED)


def _bare_preposition(norm: str) -> bool:
    """«في»، «من»، «ضد» as a word of its own; «بسبب»، «لتمديد» open the writer's adverbials."""
    return norm in OBJECT_PREPOSITIONS or norm in ("مع", "ضد")


def _apposed_subject(tt: TokenizedText, start: int, k: int, cue: CueMatch) -> bool:
    """The content opens with the subject of the cue at ``k``, a name set off by commas."""
    if cue.kind != CueKind.VERB or cue.conjoined:
        return False
    between = tt.tokens[start:k]
    commas = [t.index for t in between if t.norm in CLAUSE_PUNCT]
    return (
        len(commas) == 2
        and commas[0] - start <= 3
        and commas[1] == k - 1
        and commas[1] - commas[0] <= 4
    )


def _starts_content_ender(tt: TokenizedText, k: int, lex: Lexicon) -> bool:
    return starts_sequence(tt, k, "content_enders", lex)


def opens_writers_clause(tt: TokenizedText, k: int, lex: Lexicon) -> bool:
    """«، إلا أن»، «، مما»، «، لكن» at token ``k``: the writer's next clause, no object."""
    return _starts_content_ender(tt, k, lex)


# After «و» at a sentence start: an imperfect or future prefix, a hamza or the article
# («وتشهد»، «وسيتم»، «وأصدر»، «والشرطة»); «وصل»، «وزارة» keep their و.
AFTER_CONJUNCTION = ("ي", "ت", "ن", "س", "أ", "إ", "ال")
MIN_CONJOINED_LENGTH = 3


def opens_with_conjunction(tt: TokenizedText, start: int) -> bool:
    """«... الطلاب. وتم إيقاف المدرسين، حسب الشرطة»: a content that opens its sentence
    leaves out the «و» joining that sentence to the one before."""
    tok = tt.tokens[start]
    rest = tok.text[1:]
    return (
        tt.sentence_bounds(start)[0] == start
        and tok.text[:1] == "و"
        and len(tok.text) >= MIN_CONJOINED_LENGTH
        and rest.startswith(AFTER_CONJUNCTION)
    )


def trim_end(tt: TokenizedText, start: int, end: int) -> int:
    """Drop trailing punctuation (but not a closing quote that belongs to the content)."""
    while end > start:
        tok = tt.tokens[end - 1]
        if tok.norm in PUNCTUATION and not (
            tok.text in QUOTES
            and tt.quotes.get(end - 1, end) < end - 1
            and tt.quotes[end - 1] >= start
        ):
            end -= 1
            continue
        break
    return end


def trim_start(tt: TokenizedText, start: int, end: int) -> int:
    while (
        start < end
        and tt.tokens[start].norm in PUNCTUATION
        and not (tt.tokens[start].text in QUOTES and start < tt.quotes.get(start, -1) < end)
    ):
        start += 1
    return start


def quoted(tt: TokenizedText, open_index: int) -> tuple[Range, bool]:
    """Content of a quotation, and of a run of quotations joined by conjunctions («"أ" و"ب"»)."""
    close = tt.quotes[open_index]
    run_end = close
    k = close + 1
    while k + 1 < len(tt.tokens) and _joins_quotes(tt, k):
        nxt = k + 1 if tt.tokens[k].text in QUOTES else k + 2
        if nxt >= len(tt.tokens) or tt.quotes.get(nxt, -1) <= nxt:
            break
        run_end = tt.quotes[nxt]
        k = run_end + 1
    if run_end == close:
        end = close
        while end > open_index + 2 and tt.tokens[end - 1].norm in INNER_END:
            end -= 1  # «"... توضيح."»: a full stop or comma inside the closing quote is left out
        start = open_index + 1
        if (
            end - start > MIN_QUOTATION_TOKENS
            and tt.tokens[start].norm in BARE_THAT
            and tt.tokens[start + 1].norm not in CONDITIONAL_AFTER
        ):
            start += 1  # «وأضاف الوزير "إن العلاقة متينة"»: the content after «إن»
        return (start, end), True
    return (open_index, run_end + 1), True


def _joins_quotes(tt: TokenizedText, k: int) -> bool:
    tok = tt.tokens[k]
    if tok.text in OPEN_QUOTES or tok.text == '"':
        return False
    return tok.norm in ("و", "او") or one_of(tok.norm, ("بالتالي", "كذلك", "ايضا"))


def content_from(
    tt: TokenizedText, start: int, cue_at: dict[int, CueMatch], cue: CueMatch, lex: Lexicon
) -> tuple[Range, bool] | None:
    """Content starting at ``start`` (after a complementizer or colon) to the proposition end."""
    while start < len(tt.tokens) and is_complementizer(tt.tokens[start], lex):
        start += 1  # «أن أن»
    if start >= len(tt.tokens):
        return None
    tok = tt.tokens[start]
    if tok.text in QUOTES and tt.quotes.get(start, -1) > start and is_speech_length(tt, start):
        rng, direct = quoted(tt, start)
        end = proposition_end(tt, start, cue_at, lex, cue)
        if rng[1] >= end - 1 or tt.quotes[start] + 1 >= end:
            return rng, direct
    end = proposition_end(tt, start, cue_at, lex, cue)
    start = trim_start(tt, start, end)
    return ((start, end), False) if end > start else None


def object_content(
    tt: TokenizedText, start: int, cue_at: dict[int, CueMatch], cue: CueMatch, lex: Lexicon
) -> Range | None:
    """The object noun phrase: «تنفي بشكل قاطع وجود الاتفاق» → «وجود الاتفاق»."""
    start = skip_adverbials(tt, start, lex)
    end = proposition_end(tt, start, cue_at, lex, cue)
    k = start + 1
    while k < end:
        norm = tt.tokens[k].norm
        if norm in CLAUSE_PUNCT and (aside := parenthetical_end(tt, k)) is not None and aside < end:
            k = aside + 1  # «تلقيها، مؤخرا، لمعلومات تفيد»: the object goes on after the aside
            continue
        if norm in CLAUSE_PUNCT and k + 1 < end and _bare_preposition(tt.tokens[k + 1].norm) \
                and tt.quotes.get(start) != k - 1:  # «بـ"دعم الإرهاب"، في»: one quotation, whole
            k += 1  # «تسليم السلاح، في حي الشرق»: a prepositional phrase completes the object
            continue
        if (
            norm in CLAUSE_PUNCT
            or norm in AND_WHICH
            or norm in OBJECT_ENDERS
            or norm[:1] == "و" and norm in lex.speech_acts  # «... "بالثرثرة" ودعاها إلى»
            or starts_channel(tt, k, lex)
        ):
            end = trim_end(tt, start, k)
            break
        k += 1
    return (start, end) if end > start else None


def starts_channel(tt: TokenizedText, k: int, lex: Lexicon) -> bool:
    """«في بيان»، «عبر "النشرة"»، «لوكالة ...» begin at token ``k``: the object ends there."""
    tok = tt.tokens[k]
    return (
        one_of(tok.norm, ("عبر",))
        and is_medium_at(tt, k + 1, lex)
        or statement_end(tt, k, lex) is not None
        or names_outlet_told(tok, lex)
    )


def skip_adverbials(tt: TokenizedText, k: int, lex: Lexicon) -> int:
    changed = True
    while changed and k < len(tt.tokens):
        changed = False
        for adv in lex.sequences_from("adverbials", tt.tokens[k].norm):
            words = [t.norm for t in tt.tokens[k : k + len(adv)]]
            if len(words) == len(adv) and all(
                a in ("*", w) for a, w in zip(adv, words, strict=True)
            ):
                k += len(adv)
                changed = True
                break
        if k < len(tt.tokens) and (
            tt.tokens[k].norm in lex.marker_set("time_words")
            or is_adverbial_participle(tt.tokens[k])
        ):
            k += 1
            changed = True
    return k


