"""Mentions that later text may refer back to, and what their words say.

Speaker nouns of the gazetteer («الشرطة المحلية»), the subject of a clause's verb («أدانت
السعودية») and of a reported clause («أن نوران حواس عبرت»); a mention's gender and number
(«وقالت» refers to «الوزارة»), its content words and pointing words («هذه المصادر»، «ذات
المصدر»), and whether a shorter mention refers to a fuller one («المدرب» → «المدرب الروماني»).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from itertools import pairwise

from claimx.extraction.cues import TANWEEN_FATH, one_of, strip_conjunction
from claimx.extraction.gazetteer import (
    known_body,
    known_person,
    label_words,
    organisation_names,
)
from claimx.extraction.lexicon import Lexicon, conjoined, load_lexicon
from claimx.extraction.phrase import (
    PREPOSITION_CLITICS,
    bare_noun,
    hamza_initial,
    heads_of,
    identity_lists,
    is_definite,
    is_verbal_noun,
    name_like,
    named_again,
    noun_phrase,
    noun_phrase_readings,
    person_name,
    possessed_object_after_name,
    quantifier_words,
)
from claimx.extraction.source import with_apposition
from claimx.extraction.tokenize import (
    COMMAS,
    PUNCTUATION,
    QUOTES,
    Token,
    TokenizedText,
    is_name_lookalike,
    normalize,
)
from claimx.extraction.words import (
    CONJUNCTIONS,
    DEMONSTRATIVES,
    NAME_LINKS,
    PARTITIVES,
    PEOPLE_ALONE,
    PREPOSITIONS,
    REFLEXIVES,
    RELATIVE_AGREEMENT,
    SAME_BEFORE,
)
from claimx.extraction.words import KAN as _KAN
from claimx.model import Range

MAX_REDUCED_TOKENS = 2
MAX_EMBEDDED_SUBJECT = 3
MAX_QUOTED_NAME = 4  # tokens from a quotation mark to its partner: «جديدي»، «لواء الجفرة»
MAX_NAME_WORDS = 3  # «فرانسوا مولين»: a name after a title
_POINTING = conjoined(DEMONSTRATIVES | REFLEXIVES)  # words that point back, not content
_DEMONSTRATIVES_PROPER = conjoined(DEMONSTRATIVES - PARTITIVES)


def content_words(tt: TokenizedText, rng: Range) -> list[str]:
    """«هذه المصادر» → «مصادر»: the bare nouns of a mention, without pointing words or quotes
    (kept with the text: the fullest mention of each speaker reads every mention near it)."""
    key = (content_words, rng[0], rng[1])
    words = tt.memo.get(key)
    if words is None:
        words = tt.memo[key] = tuple(_content_words(tt, rng))
    return list(words)


def _content_words(tt: TokenizedText, rng: Range) -> list[str]:
    out = []
    for tok in tt.tokens[rng[0] : rng[1]]:
        if _points(tt, tok) or tok.text in QUOTES:
            continue
        out.append(bare_noun(strip_conjunction(tok.norm)))
    return out


def governing_words(tt: TokenizedText, rng: Range) -> tuple[str, ...]:
    """The content words of a mention less the objects of its prepositions and its relative
    clause: «الرئيس التنفيذي للشركة» is no mention of «الشركة», «دول قطعت علاقاتها مع قطر»
    none of «قطر», «الجمعية العمومية التي أعيد خلالها انتخاب بلاتر» none of «بلاتر»."""
    key = (governing_words, rng[0], rng[1])
    words = tt.memo.get(key)
    if words is None:
        end = next(
            (tok.index for tok in tt.tokens[rng[0] + 1 : rng[1]] if tok.norm in RELATIVE_AGREEMENT),
            rng[1],
        )
        words = tt.memo[key] = tuple(
            bare_noun(strip_conjunction(tok.norm))
            for tok in tt.tokens[rng[0] : end]
            if not (_points(tt, tok) or tok.text in QUOTES or _governed(tt, tok, rng[0]))
        )
    return words


def _governed(tt: TokenizedText, tok: Token, first: int) -> bool:
    """«للشركة»، «مع قطر»، «القائمون على الدراسة»: a noun with a preposition on it or just
    before it; not the noun of a quantity that opens the mention («العديد من سكان المنطقة»);
    and a person's name in construct after a noun without the article («إدارة أوباما»،
    «مكتب نتنياهو» are not the man, «الرئيس أوباما» is)."""
    if tok.norm.startswith(PREPOSITION_CLITICS):
        return True
    k = tok.index - 1
    if k >= first and genitive_person(tt.tokens[k], tok):
        return True
    quantity = k == first + 1 and tt.tokens[k].norm == "من"  # «العديد من سكان المنطقة»
    return k >= first and (
        not quantity and is_preposition(tt.tokens[k]) or tt.tokens[k].norm in _np_links()
    )


def genitive_person(before: Token, tok: Token) -> bool:
    """«إدارة أوباما»: a known person's name right after a bare noun that is no name."""
    word = strip_conjunction(before.norm)
    return (
        not is_definite(before)
        and word in heads_of("organisation", "document", "anonymous", "role")
        and person_name(strip_conjunction(tok.norm))
    )


@cache
def _np_links() -> frozenset[str]:
    """«باسم»: who a spokesman speaks for is not who the mention names."""
    return load_lexicon().marker_set("np_links")


def is_preposition(tok: Token) -> bool:
    """«مع»، «على»; not the name «علي» (written with ya), which folds to the same form."""
    return tok.norm in PREPOSITIONS and not is_name_lookalike(tok)


def _points(tt: TokenizedText, tok: Token) -> bool:
    """«هذه»، «ذاته»، and «ذات»/«نفس» before a definite noun: words that point back."""
    return strip_conjunction(tok.norm) in _POINTING or _same_before(tt, tok)


def _same_before(tt: TokenizedText, tok: Token) -> bool:
    following = tok.index + 1
    return (
        strip_conjunction(tok.norm) in SAME_BEFORE
        and following < len(tt.tokens)
        and tt.tokens[following].norm.startswith("ال")
    )


@cache
def back_reference_nouns() -> frozenset[str]:
    """«المصدر»، «العلماء»: nouns a report uses, with the article, for the source it
    introduced last (the list the speaker keys read too), as bare nouns."""
    words = identity_lists()["words"]["back_references"]
    return frozenset(bare_noun(normalize(w)) for w in words)


def says_same(tt: TokenizedText, rng: Range) -> bool:
    """«ذات المصدر»، «نفس المصدر»، «المصدر ذاته»: the same one as just before."""
    return any(
        strip_conjunction(t.norm) in REFLEXIVES or _same_before(tt, t)
        for t in tt.tokens[rng[0] : rng[1]]
    )


def is_epithet(tt: TokenizedText, rng: Range) -> bool:
    """«وقال السويسري»، «وأكد الأرجنتيني»: a lone definite nisba names someone just named
    by the trait the text gave or the reader knows."""
    if rng[1] - rng[0] != 1:
        return False
    word = strip_conjunction(tt.tokens[rng[0]].norm)
    return word.startswith("ال") and word.endswith("ي") and len(word) >= 6


def has_partitive(tt: TokenizedText, rng: Range) -> bool:
    """«أحد المصادر»: one of a group."""
    return any(strip_conjunction(t.norm) in PARTITIVES for t in tt.tokens[rng[0] : rng[1]])


def has_demonstrative(tt: TokenizedText, rng: Range) -> bool:
    """«هذه المصادر»، «المصدر ذاته»: a mention with a word that points back."""
    return any(_points(tt, t) for t in tt.tokens[rng[0] : rng[1]])


def refers_to(
    words: list[str], candidate: tuple[str, ...], tt: TokenizedText, source: Range, lex: Lexicon
) -> bool:
    """Whether a shorter mention's ``words`` name the entity of a fuller ``candidate``:
    «الوزير» one headed by the same noun, «مرزوق» one that holds the name."""
    if is_definite_mention(tt, source):  # by head noun: «المدرب الهلالي» → «المدرب الروماني ...»
        if any(person_name(w) and w not in candidate for w in words[1:]):
            return False  # «الرئيس ترامب» is not «نائب الرئيس مايك بنس»
        if other_adjective(words, candidate, lex):
            return False  # «المصادر الطبية» are not «مصادر أمنية»
        return words[0] in candidate or _number_stem(words[0]) in map(_number_stem, candidate)
    if all(w in candidate for w in words):
        return True
    return len(words) == 1 and len(words[0]) >= 4 and any(c.startswith(words[0]) for c in candidate)


def governed_by_lam(tt: TokenizedText, mention: Range, head: str, lex: Lexicon) -> bool:
    """The head noun stands inside the mention after لـ, qualifying another noun there
    («أرقام لوزارة التجارة» are the ministry's figures, not the ministry)."""
    if head[:1] == "ل" and head[1:] in lex.head_words:
        head = head[1:]  # «لوزارة التجارة»: the head as the relative clause named it
    bare = head[2:] if head.startswith("ال") else head
    forms = {"ل" + bare, "لل" + bare}
    return any(
        strip_conjunction(t.norm) in forms for t in tt.tokens[mention[0] + 1 : mention[1]]
    )


def other_adjective(words: list[str], candidate: tuple[str, ...], lex: Lexicon) -> bool:
    """The adjective after the head differs from the one after it in the fuller mention:
    «المصادر الطبية» are not «مصادر أمنية»، «المسؤول الروسي» not «مسؤول أمريكي بارز»."""
    if len(words) < 2 or words[1] not in lex.adjectives or words[0] not in candidate:
        return False
    after = candidate.index(words[0]) + 1
    return after < len(candidate) and candidate[after] in lex.adjectives and (
        lex.adjectives[candidate[after]] != lex.adjectives[words[1]]
    )


def named_body(words: list[str]) -> bool:
    """«حماس»، «إيران»، «الإمارات»: one word that names a body or a place in the gazetteer,
    in full (``words`` are bare: the article is tried back on)."""
    return len(words) == 1 and (known_body(words[0]) or known_body("ال" + words[0]))


def conjunct_naming(tt: TokenizedText, rng: Range, words: list[str], lex: Lexicon) -> Range:
    """«الرئيس الروسي فلاديمير بوتين والرئيس الأميركي باراك أوباما» is two people: the
    fuller mention of «بوتين» is the conjunct before «والرئيس». A phrase is cut where «و»
    opens a speaker noun after a name and a name follows it («مؤسس الشركة والمدير التنفيذي»
    is one person's two titles); the conjunct holding ``words`` is kept."""
    tokens = tt.tokens
    opens = [
        k for k in range(rng[0] + 1, rng[1])
        if tokens[k].norm[:1] == "و"
        and tokens[k].norm[1:] in lex.head_words
        and not is_definite(tokens[k - 1])
        and tokens[k - 1].norm not in lex.head_words
    ]
    cuts = [
        k for k, end in pairwise([*opens, rng[1]])
        if any(_names_someone_else(t, lex) for t in tokens[k + 1 : end])
    ]
    if not cuts:
        return rng
    for start, end in zip([rng[0], *cuts], [*cuts, rng[1]], strict=True):
        found = {bare_noun(strip_conjunction(t.norm)) for t in tokens[start:end]}
        if all(w in found for w in words):
            while end - 1 > start and tokens[end - 1].norm in PUNCTUATION:
                end -= 1
            return (start, end)
    return rng


def _names_someone_else(tok: Token, lex: Lexicon) -> bool:
    """«باراك»، «الأميركي»: a name, or a nationality (its gloss is capitalised: "US")."""
    return name_like(tok, lex) or lex.adjectives.get(bare_noun(tok.norm), "")[:1].isupper()


def is_definite_mention(tt: TokenizedText, source: Range) -> bool:
    """«الوزير»، «هذه المصادر»: a mention with the article or a pointing word."""
    return tt.tokens[source[0]].norm.startswith(("ال", "وال")) or has_demonstrative(tt, source)


def _number_stem(word: str) -> str:
    """«مدرسان»، «مدرسين»، «مدرسون» → «مدرس»: one noun in the dual or the sound plural."""
    for suffix in ("ان", "ين", "ون"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def agrees(verb: str, subject: str) -> bool:
    """«وقالت» agrees with «الوزارة»; any plural with any plural; an unknown with all."""
    if not verb or not subject:
        return True
    plural = {"mp", "md", "fp", "fd"}
    return verb == subject or (verb in plural and subject in plural)


def agreement_of(tt: TokenizedText, rng: Range, lex: Lexicon) -> str:
    """Gender and number of a phrase, from the gazetteer or the head noun's ending."""
    words = [
        strip_conjunction(t.norm)
        for t in tt.tokens[rng[0] : rng[1]]
        if t.text not in QUOTES and not (t.index == rng[0] and _same_before(tt, t))
    ]  # «ذات المصدر» agrees as «المصدر»
    words = [w for w in words if w not in _DEMONSTRATIVES_PROPER]
    if len(words) > 1 and words[0] in SAME_BEFORE and words[1].startswith("ال"):
        words = words[1:]  # «ذات المصدر»، «نفس المصادر»: the noun after «the same»
    words = _quantified(words)
    if not words:
        return ""
    if len(words) == 1 and words[0] in PEOPLE_ALONE:
        return "mp"  # «يرى البعض أن ...، مشيرين»: some (people)
    for n in (2, 1):
        key = " ".join(words[:n])
        for variant in (key, bare_noun(key), "ال" + key):
            if variant in lex.heads:
                return lex.heads[variant].agreement
    head = bare_noun(words[0])
    if _dual_of_head(head, lex):
        return "md"  # «مصدران أمنيان ... وأضافا»، «الوزيران ... مشيرين»
    if head.endswith("ات"):
        return "f"
    if head.endswith("ه"):
        return "f"
    if head.endswith(("ون", "ين")) and len(head) > 4:
        return "mp"
    if head.endswith("و") and len(head) >= 5 and head[0] == "م":
        return "mp"  # a sound plural in construct: «محامو الدولة»، «مسؤولو الوزارة»
    construct = len(words) > 1 and words[1].startswith("ال")
    if construct and head.endswith("ي") and len(head) >= 5 and head[0] == "م":
        return "mp"  # the same, oblique: «مرتكبي الجرائم»، «ممثلي الأحزاب»
    return "m"


def _dual_of_head(word: str, lex: Lexicon) -> bool:
    """«مصدران»، «الوزيران»: a speaker noun in the dual («طالبان» is a name)."""
    return word.endswith("ان") and word[:-2] in lex.head_words and not known_body(word)


def _quantified(words: list[str]) -> list[str]:
    """«عدد من المقبوض عليهم ... وأنكروا»، «معظم المعترفين ... واصفين»: a quantifier before
    «من» or a definite noun agrees as the noun it counts («مجموعة بولوريه» stays a name)."""
    if len(words) < 3 or words[0] not in quantifier_words():
        return words
    rest = words[2:] if words[1] == "من" else words[1:]
    return rest if rest[0].startswith("ال") or words[1] == "من" else words


def bare_name(tt: TokenizedText, rng: Range, lex: Lexicon) -> bool:
    """A phrase of one or two indefinite words that no gazetteer entry explains: a name,
    also before an apposition («لبنى ألمان، مدير برنامج ...»)."""
    tokens = tt.tokens[rng[0] : rng[1]]
    comma = next((n for n, t in enumerate(tokens) if t.norm in COMMAS), len(tokens))
    words = [t for t in tokens[:comma] if t.text not in QUOTES]
    return 0 < len(words) <= 2 and all(
        not strip_conjunction(t.norm).startswith("ال")
        and t.norm not in lex.head_words
        and not t.norm.endswith(("ه", "ات"))
        for t in words
    )


def embedded_subjects(tt: TokenizedText, lex: Lexicon, cue_starts: set[int]) -> Iterator[Range]:
    """The subject after a bare complementizer («أن نوران حواس عبرت»): a later dropped
    subject may refer to it. At most a few words, names or definite noun phrases."""
    bare = lex.marker_set("complementizers")
    candidates = {*tt.before_definite(), *tt.indices_of(bare)}
    for tok in map(tt.tokens.__getitem__, sorted(candidates)):
        if tok.norm not in bare and not _opens_verb_clause(tt, tok.index, lex):
            continue
        phrase = noun_phrase(
            tt, tok.index + 1, tt.sentence_bounds(tok.index)[1], lex, cue_starts, object_mode=True
        )
        if phrase and phrase[1] - phrase[0] <= MAX_EMBEDDED_SUBJECT:
            yield phrase


MAX_GOVERNING_DISTANCE = 60  # tokens back to the verb that governs a dropped subject


def clause_subject(
    tt: TokenizedText, first: int, lex: Lexicon, cue_starts: set[int], claims: set[int]
) -> Range | None:
    """The subject of the verb opening the clause that a cue at ``first`` continues:
    «كما اعتقلت الشرطة رجلا ...، وقالت»، «ولم يشر النص إلى ...، لكنه قال». None when a cue
    comes first on the way back (``claims``: their cues): that claim's speaker is the
    antecedent."""
    floor = max(tt.sentence_bounds(first)[0], first - MAX_GOVERNING_DISTANCE)
    if any(floor <= k < first for k in claims):
        return None
    k = first - 1
    while k >= floor:
        partner = tt.quotes.get(k)
        if tt.tokens[k].text in QUOTES and partner is not None and partner < k:
            k = partner - 1  # a quotation's words govern nothing outside it
            continue
        if _opens_clause(tt, k, floor, lex):
            verb = k + 1 if tt.tokens[k].norm in lex.marker_set("negations") else k
            if verb < first - 1 and _verb_before_subject(tt, verb, lex):
                subject = subject_after(tt, verb, lex, cue_starts)
                if subject is not None and subject[1] <= first:
                    return subject
            subject = _subject_before_verb(tt, k, first, lex, cue_starts)
            if subject is not None:
                return subject
        k -= 1
    return None


def _subject_before_verb(
    tt: TokenizedText, k: int, first: int, lex: Lexicon, cue_starts: set[int]
) -> Range | None:
    """«لكن الموظف رفض ذلك وقال»، «لكن رئيس الوزراء رفض الاستقالة وأكد»: a definite subject
    noun opening the clause (a role or body, not a name, which may be followed by any word),
    then its verb."""
    if strip_conjunction(tt.tokens[k].norm) not in lex.head_words:
        return None
    phrase = noun_phrase(tt, k, first, lex, cue_starts)
    if phrase is None or phrase[1] >= first - 1:
        return None
    verb = tt.tokens[phrase[1]]
    if verb.norm[:1] in CONJUNCTIONS or verb.norm in PUNCTUATION or not (
        verb.norm in lex.speech_acts
        or verb.norm in lex.verbs  # a cue verb that made no claim: «رفض الاستقالة»
        or _verb_like(verb.norm, lex, hamza_initial(verb))
    ):
        return None
    return phrase


def _opens_clause(tt: TokenizedText, k: int, floor: int, lex: Lexicon) -> bool:
    """A sentence's first word, or the first after a comma or «كما»، «لكن»، «حيث»."""
    if k == floor:
        return True
    before = tt.tokens[k - 1].norm
    return (before in PUNCTUATION and tt.tokens[k - 1].text not in QUOTES) or (
        before in lex.conjoined_set("clause_openers")
    )


def _verb_before_subject(tt: TokenizedText, k: int, lex: Lexicon) -> bool:
    """«أدانت السعودية»، «هنأ رئيس الوزراء»، «وكان صخر ...»: a bare word before a definite
    noun or a title is most likely a verb and the noun its subject; after «كان» any noun."""
    if k + 1 >= len(tt.tokens):
        return False
    norm = tt.tokens[k].norm
    forms = {norm, norm[1:]} if norm[:1] in CONJUNCTIONS and len(norm) > 3 else {norm}
    if forms & _KAN:
        return True
    if one_of(norm, PREPOSITIONS):
        return False  # «وعن المسلسلات الجديدة قالت»: a preposition, its noun the topic
    nxt = strip_conjunction(tt.tokens[k + 1].norm)
    if not (
        nxt.startswith("ال")
        or nxt in lex.head_words
        or _quoted_name_at(tt, k + 1)
        or person_name(nxt)  # «وأشاد روحاني بالاتفاق ووصفه»
    ):
        return False
    noun_ending = tt.tokens[k].text.endswith(("ة", "ات"))  # «لجنة»، «تصريحات»: nouns
    return not noun_ending and any(
        norm in lex.speech_acts or _verb_like(norm, lex, hamza_initial(tt.tokens[k]))
        for norm in forms
    )


def _quoted_name_at(tt: TokenizedText, k: int) -> bool:
    """«ويرد «جديدي» قائلا»: a name of a few words in quotation marks."""
    return tt.tokens[k].text in QUOTES and 0 < tt.quotes.get(k, -1) - k <= MAX_QUOTED_NAME


def _verb_like(norm: str, lex: Lexicon, no_article: bool = False) -> bool:
    """A bare word that may be a verb; ``no_article``: a hamza says «ال» is no article
    («ألقى» folds to «القي»)."""
    return (
        norm not in PUNCTUATION
        and (no_article or not norm.startswith(("ال", "لل", "بال")))
        and 3 <= len(norm) <= 6
        and not lex.stops_clause(norm)
        and norm not in lex.head_words
        and norm not in lex.marker_set("time_words")
    )


def _opens_verb_clause(tt: TokenizedText, k: int, lex: Lexicon) -> bool:
    """«...، خرج المزارعون الأصفهانيون إلى الشوارع»: a bare word opening a sentence or a
    clause, before a definite noun, is most likely its verb, and the noun its subject."""
    tok = tt.tokens[k]
    if k + 1 >= len(tt.tokens) or not tt.tokens[k + 1].norm.startswith("ال"):
        return False
    norm = tok.norm
    if norm in lex.wa_set("clause_verbs"):
        return True
    if k > 0 and tt.tokens[k - 1].norm not in ("،", ",", ".", "؛"):
        return False
    return (
        norm not in PUNCTUATION
        and not norm.startswith(("ال", "وال", "لل", "بال"))
        and 3 <= len(norm) <= 6
        and not lex.stops_clause(norm)
        and norm not in lex.head_words
        and norm not in lex.marker_set("time_words")
        and not norm.endswith(("ه", "ات"))
    )


def gazetteer_mentions(tt: TokenizedText, lex: Lexicon, cue_starts: set[int]) -> Iterator[Range]:
    """Noun phrases headed by a known speaker noun («الشرطة المحلية ...»، «المدرب الإسباني»),
    in text order."""
    end = 0  # one past the phrase found last: a head inside it starts no other
    heads = lex.head_words
    for k in tt.indices_of(heads):
        if k < end:
            continue
        found = _mention_phrase(tt, k, lex, cue_starts)
        if found:
            phrase, end = found
            yield phrase


def _mention_phrase(
    tt: TokenizedText, k: int, lex: Lexicon, cue_starts: set[int]
) -> tuple[Range, int] | None:
    """A speaker noun's phrase ends where a subject before its object would: «قدمت الجمعية
    شكوى ضد ...» → «الجمعية»، «لم يحدد المصدر عدد الموقوفين» → «المصدر». A place or body
    after «في» or لـ («رئيس البحوث في منظمة ...») and a name after a title («الرئيس هادي»)
    start no object and stay in it. With the phrase, where the next mention may start."""
    limit = tt.sentence_bounds(k)[1]
    full, short = noun_phrase_readings(tt, k, limit, lex, cue_starts)
    if full is None or full[1] - full[0] == 1:
        return (full, full[1]) if full else None  # one word: no object starts inside it
    if short is not None and _unnamed(tt.tokens[k]):
        short = (short[0], _unnamed_end(tt, short, lex))
    if full is None or short is None or short[1] >= full[1]:
        return (full, full[1]) if full else None
    cut = strip_conjunction(tt.tokens[short[1]].norm)
    chain = _construct_end(tt, k, short[1], full[1], lex)
    if chain is not None:
        return (k, chain), chain  # «مركز دراسات عدم الانتشار»: genitives up to a definite noun
    if cut == "في" and _is_document(tt.tokens[k]):
        return short, full[1]  # «مذكرة في مراكز شرطة»: where the document was, not who spoke
    if possessed_object_after_name(tt.tokens[short[1] - 1], tt.tokens[short[1]], lex):
        return short, short[1]  # «التقى جون كيري نظيره الروسي سيرغي لافروف»: the object
    if cut == "في" or _lam_phrase(cut) or _names_someone(tt, short[1], lex):
        return full, full[1]
    if _after_person_title(tt, k, short[1], lex) and _at_institution(tt.tokens[short[1]], lex):
        return full, full[1]  # «الباحث بجامعة القاهرة»: where the person works
    if _after_person_title(tt, k, short[1], lex):
        name = _title_name_end(tt, short[1], limit, lex)
        if name is not None and name + 1 < full[1] and _affiliation(tt, name, lex):
            return full, full[1]  # «النائب المعارض جان دوبون من حزب ...»: where he belongs
        if name is not None:
            return (k, name), name  # «السفير الروسي فيتالي تشوركين»، «إدارة الرئيس ترامب»
    return short, short[1]


MAX_CONSTRUCT_WORDS = 2


def _construct_end(tt: TokenizedText, k: int, j: int, limit: int, lex: Lexicon) -> int | None:
    """One past «مركز دراسات عدم الانتشار»: an institution noun without the article heads a
    chain of genitives that ends in a definite noun, so an indefinite word inside the chain
    starts no object; None when the phrase is no such chain («شركة ناشئة لامعة تحقيق
    أرباح»: adjectives, then an object with no definite noun)."""
    tokens = tt.tokens
    head = tokens[k]
    if is_definite(head) or bare_noun(strip_conjunction(head.norm)) not in heads_of(
        "organisation"
    ):
        return None
    if any(is_definite(t) or _adjective_like(t, lex) for t in tokens[k + 1 : j]):
        return None
    for end in range(j, min(limit, j + MAX_CONSTRUCT_WORDS)):
        tok = tokens[end]
        if tok.text in QUOTES or tok.norm in PUNCTUATION or _adjective_like(tok, lex):
            return None
        if is_definite(tok):
            return end + 1
    return None


def _adjective_like(tok: Token, lex: Lexicon) -> bool:
    """«ناشئة»، «عربية»، «الأوروبي»: a listed adjective or a nisba."""
    bare = bare_noun(strip_conjunction(tok.norm))
    return bare in lex.adjectives or bare.endswith(("ي", "يه", "يون", "يين"))


def _at_institution(tok: Token, lex: Lexicon) -> bool:
    """«بجامعة»، «بالاتحاد»: ب with an institution, where a person's title is held."""
    norm = strip_conjunction(tok.norm)
    if norm[:1] != "ب" or len(norm) < 4:
        return False
    rest = norm[1:]
    return (
        bare_noun(rest) in heads_of("organisation")
        or rest in lex.organisation_words
        or rest in organisation_names()
    )


def _affiliation(tt: TokenizedText, k: int, lex: Lexicon) -> bool:
    """«من حزب العمل»، «في الجيش»: after a name, the body its holder belongs to."""
    if tt.tokens[k].norm not in ("من", "في"):
        return False
    tok = tt.tokens[k + 1]
    return is_definite(tok) or bare_noun(strip_conjunction(tok.norm)) in heads_of(
        "organisation"
    ) or tok.norm in lex.organisation_words


def _after_person_title(tt: TokenizedText, k: int, j: int, lex: Lexicon) -> bool:
    """«السفير الروسي ...»، «إدارة الرئيس ...»: the phrase opened with a person's role, or
    the word before ``j`` is one, so a name may follow."""
    before, head = tt.tokens[j - 1], tt.tokens[k]
    return strip_conjunction(head.norm) in lex.head_words and _names_a_person(head) or (
        is_definite(before)
        and strip_conjunction(before.norm) in lex.head_words
        and _names_a_person(before)
    )


def _title_name_end(tt: TokenizedText, j: int, limit: int, lex: Lexicon) -> int | None:
    """One past the name that starts at ``j`` after a person's title («رئيس وزراء البرتغال
    جوزيه سوكراتس»، «الرئيس ترامب»، «الفنان سامي الحلبي»), or None when the
    word there starts the object («قدم السفير شكوى رسمية»، «زار الوزير مستشفى المدينة»،
    «جدد الرئيس دعم بلاده»). A name has a gazetteer or given name or a word the text uses
    again, or is two name words."""
    tokens = tt.tokens
    if not _name_part(tt, j, lex, first=True):
        return None
    end = j + 1
    while end < min(limit, j + MAX_NAME_WORDS) and (
        _name_part(tt, end, lex) or strip_conjunction(tokens[end - 1].norm) in NAME_LINKS
    ):
        end += 1
    if end < limit and is_definite(tokens[end]) and _definite_surname(tt, end, j, lex):
        end += 1  # «سامي الحلبي»: a surname with the article
    known = any(_known_name(tt, i, j, end) for i in range(j, end))
    if known or end - j >= 2 and all(
        bare_noun(tokens[i].norm) not in lex.adjectives for i in range(j, end)
    ):
        return end
    return None


def _name_part(tt: TokenizedText, i: int, lex: Lexicon, first: bool = False) -> bool:
    """«جوزيه»، «ترامب»، «سوكراتس»: a word that may be part of a name after a title; after
    its first word no imperfect verb («ترامب يطالب») and no accusative («استعدادًا»)."""
    tok = tt.tokens[i]
    norm = strip_conjunction(tok.norm)
    if tok.norm in PREPOSITIONS and not is_name_lookalike(tok):
        return False  # «تشوركين على ذلك»: the preposition, not the name «علي»
    if person_name(norm):
        return True  # «ترامب» has the shape of a verbal noun
    if len(norm) < 3 or is_verbal_noun(tok, lex) or tok.text.endswith("ًا"):
        return False
    if norm.startswith(("لل", "بال", "كال")):
        return False
    if not first and (
        norm[:1] == "ي" and len(norm) >= 5  # «ترامب يطالب»: a verb
        or tok.norm[:1] == "و"  # «واكتفى»: a conjunction
        or tok.text.endswith(("ها", "هم"))  # «بعدها»: a pronoun
    ):
        return _known_name(tt, i, i, i + 1)
    return _name_word(tok, lex, first) or _foreign_form(tok, lex) or _gazetteer_name(tok)


def _definite_surname(tt: TokenizedText, i: int, start: int, lex: Lexicon) -> bool:
    """«الحلبي»: a definite surname after a given name, used again in the text or of a
    family name's shape in ـي (not a listed adjective or noun: «الرئيس ترامب الأمريكي» is
    no surname)."""
    tok = tt.tokens[i]
    norm = strip_conjunction(tok.norm)
    if _known_name(tt, i, start, i + 1):
        return True
    bare = bare_noun(norm)
    return (
        norm.endswith("ي")
        and len(bare) >= 4
        and bare not in lex.adjectives
        and norm not in lex.head_words
        and bare not in lex.non_speakers
        and norm not in lex.source_stop_words
    )


def _known_name(tt: TokenizedText, i: int, start: int, end: int) -> bool:
    """«دونالد»، «ترامب», or «سوكراتس» when the text says it again: a name for sure."""
    tok = tt.tokens[i]
    norm = strip_conjunction(tok.norm)
    return (
        norm in label_words().given_names
        or _gazetteer_name(tok)
        or len(norm) >= 4 and named_again(tt, norm, start, end)
    )


def _gazetteer_name(tok: Token) -> bool:
    """«ترامب»: a person's name or surname in the gazetteer."""
    return known_person(strip_conjunction(tok.norm))


def _foreign_form(tok: Token, lex: Lexicon) -> bool:
    """«جوزيه»: a foreign name in ـيه (not a pronoun suffix, an adjective, a
    listed noun or a verbal noun); alone it is no name («كيفية»)."""
    norm, bare = tok.norm, bare_noun(tok.norm)
    return (
        len(norm) >= 4
        and norm.endswith("يه")
        and not is_definite(tok)
        and not tok.text.endswith(("ها", "هم", "هما"))
        and bare not in lex.adjectives
        and norm not in lex.head_words
        and bare not in lex.non_speakers
        and not is_verbal_noun(tok, lex)
    )


def _is_document(head: Token) -> bool:
    """«مذكرة»، «التقرير»: a text that speaks."""
    return bare_noun(strip_conjunction(head.norm)) in heads_of("document")


def _unnamed(head: Token) -> bool:
    """«المصدر»، «الدراسة»: an unnamed source or a document, which no name follows."""
    return bare_noun(strip_conjunction(head.norm)) in heads_of("anonymous", "document")


def _unnamed_end(tt: TokenizedText, phrase: Range, lex: Lexicon) -> int:
    """«لم يحدد المصدر عدد المقبوض عليهم»: after an unnamed source's definite words an
    indefinite word is no holder's name but the object (a given name or a name the text
    uses again aside)."""
    tokens = tt.tokens
    for j in range(phrase[0] + 1, phrase[1]):
        prev, tok = tokens[j - 1], tokens[j]
        if not is_definite(prev) or is_definite(tok) or not _name_word(tok, lex, first=True):
            continue
        norm = strip_conjunction(tok.norm)
        if norm[:1] in "لب" or norm in NAME_LINKS or _names_someone(tt, j, lex):
            continue
        return j
    return phrase[1]


def _names_a_person(head: Token) -> bool:
    """«السفير»، «الفنان»: a speaker noun that is a person's role, not a group, a document
    or an institution («الجمعية شكوى» starts an object; «الرئيس هادي» is one person)."""
    return bare_noun(strip_conjunction(head.norm)) not in heads_of(
        "anonymous", "document", "organisation"
    )


def _lam_phrase(norm: str) -> bool:
    """«الاتحاد البرازيلي لكرة القدم»، «رئيس الهيئة لحزب ...»: a لـ-phrase qualifies the
    speaker noun."""
    return norm[:1] == "ل" and not norm.startswith("لا") and len(norm) > 3


def _name_word(tok: Token, lex: Lexicon, first: bool = False) -> bool:
    """«دونالد»، «ترامب»: an indefinite word that may be part of a name (a name may have the
    shape of a verbal noun: «ترامب»); a name right after a title may end in alif
    («أوباما»، «فرانسوا»), an accusative after a subject too («تقريرا»), unless marked so."""
    norm, text = tok.norm, tok.text
    return not (
        is_definite(tok)
        or text in QUOTES
        or norm in PUNCTUATION
        or norm in lex.source_stop_words
        or norm.endswith(("ه", "ات"))
        or text.endswith("اً")
        or not first and text.endswith("ا")
    )


def _names_someone(tt: TokenizedText, k: int, lex: Lexicon) -> bool:
    """«فرانسوا»، «هادي» (named again in the text): a given name, or a word that may be a
    name and is used again, with no genitive after it («عدد الموقوفين» is a noun)."""
    tokens = tt.tokens
    if strip_conjunction(tokens[k].norm) in label_words().given_names:
        return True
    end = k
    while end < min(len(tokens), k + MAX_NAME_WORDS) and _name_word(tokens[end], lex):
        end += 1
    if end == k or end < len(tokens) and is_definite(tokens[end]) and end == k + 1:
        return False
    return any(
        named_again(tt, strip_conjunction(tokens[j].norm), k, end) for j in range(k, end)
    )


def subject_after(tt: TokenizedText, k: int, lex: Lexicon, cue_starts: set[int]) -> Range | None:
    """The subject right after a verb (VSO), used for non-claim speech acts; it ends before
    the verb's preposition («سخر النائب من القرار»)."""
    limit = tt.sentence_bounds(k)[1]
    phrase = noun_phrase(tt, k + 1, limit, lex, cue_starts, object_mode=True)
    if phrase is None or TANWEEN_FATH in tt.tokens[phrase[0]].text:
        return None  # «أصدر قرارًا بمنح فلان»: a noun marked accusative is the object
    if strip_conjunction(tt.tokens[k + 1].norm) in lex.head_words:
        found = _mention_phrase(tt, k + 1, lex, cue_starts)
        if found is not None and found[0][1] > phrase[1]:
            return with_apposition(tt, found[0], limit, lex, cue_starts)  # «وجه الوزير فلان»
    if _unnamed(tt.tokens[phrase[0]]):
        phrase = (phrase[0], _unnamed_end(tt, phrase, lex))  # «لم يحدد المصدر عدد ...»
    chain = _construct_end(tt, phrase[0], phrase[1], limit, lex)
    if chain is not None:
        phrase = (phrase[0], chain)  # «أعد مركز دراسات عدم الانحياز تقريرا»
    for j in range(phrase[0] + 1, phrase[1]):
        if tt.tokens[j].norm in PREPOSITIONS:
            return (phrase[0], j)
    return with_apposition(tt, phrase, limit, lex, cue_starts)  # «أبدى X، من شركة Y، ...»
