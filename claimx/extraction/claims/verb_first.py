"""Verb cues, verb first or subject first: «أكد الوزير أن»، «الوزير قال إن»، «نفى X صحة ...»."""

from __future__ import annotations

from claimx.extraction.channel import find_channel, statement_end
from claimx.extraction.claims.state import (
    PLURAL_AGREEMENTS,
    BuilderState,
    Draft,
    VerbFrame,
    _asks,
    before_quoted_predicate,
)
from claimx.extraction.content import (
    Opener,
    OpenerKind,
    content_from,
    find_opener,
    is_speech_length,
    object_content,
    opens_writers_clause,
    quoted,
    skip_adverbials,
    trim_end,
)
from claimx.extraction.cues import CueMatch, one_of, strip_conjunction
from claimx.extraction.lexicon import CueKind, Lexicon, Takes
from claimx.extraction.mentions import agreement_of, agrees, bare_name
from claimx.extraction.phrase import (
    bare_noun,
    head_norm,
    is_definite,
    is_possessed_verbal_noun,
    is_preposition_like,
    is_verbal_noun_form,
    is_verbal_noun_phrase,
    name_like,
    names_outlet,
    noun_phrase,
    object_start,
    opens_held_object,
    person_name,
    preposition_with_pronoun,
)
from claimx.extraction.source import (
    fronted_subject,
    is_non_speaker,
    is_oblique_plural,
    opens_content,
    past_outlet_told,
    relative_antecedent,
    relative_before,
    with_apposition,
)
from claimx.extraction.tokenize import PUNCTUATION, QUOTES, Token, TokenizedText, normalize
from claimx.extraction.words import (
    CONDITIONALS,
    CONJUNCTIONS,
    PRONOUN_ADJUNCTS,
    PRONOUN_AGREEMENT,
    PRONOUN_SUFFIXES,
    RELATIVE_AGREEMENT,
    RELATIVE_MA,
    WHO_IS,
)
from claimx.model import Range

# A noun a cue verb describes («مصدر حكومي مسؤول نفى») has at most this many words.
MAX_DESCRIBED_WORDS = 3

# A verb that takes one of these may have its content as an object, with no opener before it.
PLAIN_OBJECTS = frozenset({Takes.OBJECT, Takes.CLAIM_OBJECT, Takes.DOUBLE})
OBJECT_TAKES = PLAIN_OBJECTS | {Takes.HELD}


class VerbCues(BuilderState):
    """Verb cues, verb first or subject first."""

    def _verb_frame(self, cue: CueMatch) -> VerbFrame | None:
        """What stands around a verb cue, before a construction is chosen; None when the
        cue attributes nothing."""
        tt, lex = self.tt, self.lex
        if _asks(tt, cue):
            return None  # «لم يوضح إذا كانوا ...»: a negated cue before a question, no claim
        if cue.first > 0 and one_of(tt.tokens[cue.first - 1].norm, CONDITIONALS):
            return None  # «حق التظلم إذا رأوا أنهم ظلموا»: a supposed saying, no claim
        if self.while_speaking(cue.first):
            return None  # «ويقول أبو محمد وهو يشير إلى الركام إن»: how he spoke
        limit = self._next_verb_start(cue)
        relative = relative_before(tt, cue, lex)
        if relative is not None and self._object_relative(cue, relative, limit):
            opener = find_opener(tt, cue, limit, lex)  # «القرار الذي أعلنه رئيس البلدية»
            return VerbFrame(limit, None, None, False, opener)
        if relative is not None and self._inference(relative):
            return None  # «الأمر الذي يشير إلى أنها ...»: the writer's inference
        if self._after_which(cue) and self._subject_after(cue, limit) is None:
            return None  # «..., مما يشير إلى أن»: what happened points to it, no one says it
        opener = find_opener(tt, cue, limit, lex)
        resumes = self._resumes_noun(cue) and opener is not None and opener.kind != OpenerKind.BI
        if relative is None and not self._after_which(cue) and not resumes:
            fronted, adjacent = fronted_subject(tt, cue, lex, self.cue_starts)
        else:
            fronted, adjacent = None, False
        if fronted and adjacent and self._bare_relative_object(cue, fronted, limit):
            fronted, adjacent = None, False  # «وهي مسألة اعتبرها الرئيس "..."»
        if relative is None and not resumes:
            described = self._described_noun(cue, limit)
            if described is not None:  # «تلقيها لمعلومات تفيد بأن»
                clitic = _lam_or_ba(tt.tokens[described[0]])
                return VerbFrame(limit, None, described, True, opener, after_lam=clitic)
        return VerbFrame(limit, relative, fronted, adjacent, opener)

    def _described_noun(self, cue: CueMatch, limit: int) -> Range | None:
        """«يستند إلى مصدر موثوق أكد لها أن»، «خبرا لمصدر حكومي نفى ما أشيع»، «لمعلومات
        تفيد بأن»: a cue verb right after an indefinite speaker noun that a preposition or
        a verb governs, with no subject after it, opens a clause describing that noun (a
        relative clause with no pronoun): the noun is its subject."""
        tt, lex = self.tt, self.lex
        if cue.kind != CueKind.VERB or cue.conjoined or cue.agreement not in ("m", "f"):
            return None
        after = self._subject_after(cue, limit)
        if after is not None and _may_be_subject(tt.tokens[after[0]], lex):
            return None  # «في بيان صحفي أكدت الوزارة»: the subject follows the verb
        j = cue.first - 1
        k = j
        while k >= 0 and j - k < MAX_DESCRIBED_WORDS:
            if _lam_or_ba(tt.tokens[k]):
                k -= 1  # «لمعلومات»: the noun that the preposition governs opens the phrase
                break
            if not _indefinite_word(tt.tokens[k], lex):
                break
            k -= 1
        first = k + 1
        if first > j or k < 0:
            return None
        head = tt.tokens[first]
        head_norm = head.norm[1:] if _lam_or_ba(head) else head.norm
        if head_norm not in lex.head_words or first + 1 <= j and not all(
            _adjective_after(t, lex) for t in tt.tokens[first + 1 : j + 1]
        ):
            return None
        before = tt.tokens[k]
        governed = _lam_or_ba(head) or is_preposition_like(strip_conjunction(before.norm)) or (
            before.norm in lex.verbs
        ) or preposition_with_pronoun(before.norm)
        if not governed:
            return None
        phrase = (first, j + 1)
        if agreement_of(tt, phrase, lex)[:1] != cue.agreement:
            return None
        return phrase

    def _object_pronoun_agreement(self, cue: CueMatch) -> str:
        """The gender and number of the object pronoun a cue carries: «نفاه» m, «اعتبرها» f."""
        if not cue.has_object:
            return ""
        word = self.tt.tokens[cue.last - 1].norm
        return next((PRONOUN_AGREEMENT[s] for s in PRONOUN_SUFFIXES if word.endswith(s)), "")

    def _subject_after_pronoun(self, cue: CueMatch, limit: int) -> Range | None:
        """The phrase after a verb that carries an object pronoun, when it can be the verb's
        subject: it agrees with the verb, and after a verb that takes a predicate something
        follows it («اعتبرها الرئيس "صراعا"»; in «اعتبرها خطوة مهمة.» the phrase is the
        predicate)."""
        tt = self.tt
        if cue.agreement not in ("m", "f"):
            return None  # «يصفونها بأنها»: a plural verb carries its subject
        phrase = self._subject_after(cue, limit)
        if phrase is None or is_non_speaker(tt, phrase, self.lex):
            return None
        if Takes.PREDICATE in cue.takes:
            phrase = before_quoted_predicate(tt, phrase)
        # A verb before its subject agrees with it in gender only: «وصفها المعارضون».
        gender = agreement_of(tt, phrase, self.lex)[:1]
        if gender != cue.agreement and not bare_name(tt, phrase, self.lex):
            return None
        if Takes.PREDICATE in cue.takes and (
            phrase[1] >= limit or tt.tokens[phrase[1]].norm in PUNCTUATION
            and tt.tokens[phrase[1]].text not in QUOTES
        ):
            return None
        return phrase

    def _object_relative(self, cue: CueMatch, relative: int, limit: int) -> bool:
        """«وهو الأمر الذي نفاه المصدر»، «المزايا التي تذكرها الخبيرة»: the verb's object
        pronoun agrees with the relative pronoun, so the relative is the object and the phrase
        after the verb is the subject (as after «ما» in «وهو ما نفته الشركة»)."""
        pronoun = strip_conjunction(self.tt.tokens[relative].norm)
        return (
            cue.kind == CueKind.VERB
            and self._object_pronoun_agreement(cue) == RELATIVE_AGREEMENT.get(pronoun)
            and self._subject_after_pronoun(cue, limit) is not None
        )

    def _bare_relative_object(self, cue: CueMatch, fronted: Range, limit: int) -> bool:
        """«وهي مسألة اعتبرها الرئيس "صراع جيلنا"»، «وهو اتهام تنفيه السلطات»: a clause on
        an indefinite noun with no relative pronoun; the object pronoun takes up the noun, and
        the phrase after the verb is the subject. A name or a role noun before the verb stays
        its subject («سامر اعتبرها خطوة»)."""
        tt = self.tt
        head = tt.tokens[fronted[0]]
        return (
            cue.kind == CueKind.VERB
            and cue.has_object
            and not is_definite(head)
            and not name_like(head, self.lex)
            and strip_conjunction(head.norm) not in self.lex.head_words
            and self._subject_after_pronoun(cue, limit) is not None
        )

    def _verb(self, cue: CueMatch, frame: VerbFrame) -> Draft | None:
        """Verb first or subject first: «أكد الوزير أن»، «الوزير قال إن»، «نفى X صحة ...»."""
        tt, lex = self.tt, self.lex
        opener, fronted, relative = frame.opener, frame.fronted, frame.relative
        if opener is None and not cue.takes & OBJECT_TAKES:
            return None
        region_end = opener.index if opener else frame.limit
        object_mode = opener is None
        if fronted and (is_non_speaker(tt, fronted, lex) or self._is_event(fronted)):
            return None  # «اعتقال زعيم العصابة يؤكد أن»: an event is evidence, not a speaker
        if fronted and not frame.adjacent and self._subject_follows(cue, region_end, object_mode):
            fronted = None
        source, after_source = self._source_after_verb(
            cue, fronted, region_end, object_mode, relative
        )
        if source and (is_non_speaker(tt, source, lex) or self._is_event(source)):
            return None
        if source is not None and source != fronted and self._feminine_object(cue, source):
            source, after_source = None, cue.last  # the subject is dropped

        channel = find_channel(tt, cue.last, region_end, lex)
        if cue.relay and source is not None:
            relayed = self._relay(cue, source, region_end)
            if relayed is None and Takes.QUOTE not in cue.takes:
                return None  # «علمت أن» (she learned that) relays no one: no claim
            source, channel = relayed or (source, channel)
        accused_of = after_source > cue.last and self.tt.tokens[after_source - 1].norm == "ب"
        if self._anaphoric_object(cue, opener, after_source) and not accused_of:
            content = self._antecedent_proposition(cue)
        else:
            content = self._verb_content(cue, opener, after_source)
        if content is None or not self._held(cue, opener, content[0]):
            return None
        if channel is None and cue.kind != CueKind.PARTICIPLE and not cue.conjoined:
            channel = self.channel_for.get(cue.first) or self._channel_before(cue, source)
        if source is None and relative is not None:
            speaker = self._relative_speaker(cue, relative)
        else:
            speaker = self._speaker(cue, source)
        after_lam = frame.after_lam and source == fronted
        return Draft(cue, source, speaker, content[0], channel, content[1], after_lam)

    def _feminine_object(self, cue: CueMatch, phrase: Range) -> bool:
        """«ووصف الفنانة أليسا بأنها»: a verb before its subject agrees with it in gender, so a
        definite feminine noun right after a masculine verb is its object."""
        first = self.tt.tokens[phrase[0]]
        if not (
            cue.kind == CueKind.VERB
            and cue.agreement == "m"
            and phrase[0] == cue.last
            and is_definite(first)
        ):
            return False
        word = strip_conjunction(first.norm)
        if not word.endswith("ه"):
            return False  # «وأضاف المصادر»: a plural may take it
        entry = self.lex.heads.get(bare_noun(word))
        if entry is not None:
            return entry.agreement == "f"  # «الوزيرة»، «الشركة»; not «العمدة»
        return word[:-1] in self.lex.head_words  # «الفنانة» of «الفنان»

    def _held(self, cue: CueMatch, opener: Opener | None, content: Range) -> bool:
        """With no opener, a verb of holding («اعتبر») has a content only when a definite
        object opens it («اعتبر الوزير الخطة خطوة»); «عقارات اعتبرت غير قانونية» is the
        passive, and «اعتبره خطرا» (the object is the pronoun) is a pointing cue's."""
        if opener is not None or not self._holds_only(cue):
            return True
        if cue.kind == CueKind.PASSIVE or cue.has_object:
            return False
        stoppers = self.lex.marker_set("source_stoppers")
        words = [
            t for t in self.tt.tokens[content[0] : content[1]]
            if t.norm not in PUNCTUATION and t.norm not in stoppers
        ]
        # «واعتبر الأمر مزحة من المصور المتفائل»: an object and what it is held to be, not
        # one word left over from a phrase read too far
        return len(words) > 1 and opens_held_object(self.tt, content[0], self.lex)

    def _as_says(self, cue: CueMatch, frame: VerbFrame) -> bool:
        """«... وراء إخفاء الهوية كما يعتقدون»: «كما» and a cue verb with no content of its
        own attribute the proposition before them."""
        return cue.first > 0 and self.tt.tokens[cue.first - 1].norm in ("كما", "وكما")

    def _post_posed_verb(self, cue: CueMatch, frame: VerbFrame) -> Draft | None:
        content = self._preceding_content(cue)
        if content is None:
            return None
        (start, end), direct = content
        kept = trim_end(self.tt, start, cue.first - 1)
        if end >= cue.first and kept > start:  # «لا تعود إلى أبريل كما ذكرت السلطات»: «كما»
            content = (start, kept), direct  # belongs to the cue
        plural = cue.agreement in PLURAL_AGREEMENTS
        source = None if plural else self._subject_after(cue, frame.limit)
        return Draft(cue, source, self._speaker(cue, source), content[0], None, content[1])

    def _inference(self, relative: int) -> bool:
        """A relative clause on a non-speaker («الأمر الذي يؤكد»، «الحادث الذي يشير»)."""
        antecedent = relative_antecedent(self.tt, relative, self.lex)
        if antecedent is None:
            return False
        alone = strip_conjunction(self.tt.tokens[antecedent[0]].norm)  # «الأمر الذي»
        if antecedent[1] - antecedent[0] == 1 and alone in self.lex.non_speakers:
            return True
        return is_non_speaker(self.tt, antecedent, self.lex)

    def _resumes_noun(self, cue: CueMatch) -> bool:
        """«وألقى الرئيس كلمة أكد فيها أن»: a clause on the noun before it, whose subject is
        dropped or follows «فيها» («في وقت أعلنت فيه الرئاسة»), never a noun before it."""
        k = cue.last
        return k < len(self.tt.tokens) and self.tt.tokens[k].norm in self.lex.marker_set(
            "resumptive_pronouns"
        )

    def _after_which(self, cue: CueMatch) -> bool:
        return cue.first > 0 and self.tt.tokens[cue.first - 1].norm == "مما"

    def _subject_after(self, cue: CueMatch, limit: int) -> Range | None:
        start = skip_adverbials(self.tt, cue.last, self.lex)
        return noun_phrase(self.tt, start, limit, self.lex, self.cue_starts, object_mode=True)

    def _names_claim(self, rng: Range) -> bool:
        return head_norm(self.tt, rng) in self.lex.marker_set("claim_nouns")

    def _relative_subject(self, cue: CueMatch, relative: int | None) -> bool:
        """«المالكي الذي اتهم»: a relative pronoun that agrees with the verb is its subject;
        «الدراسة التي أعدها الدكتور» (it disagrees) has its subject after the verb."""
        if relative is None:
            return False
        pronoun = strip_conjunction(self.tt.tokens[relative].norm)
        return cue.agreement == RELATIVE_AGREEMENT[pronoun]

    def _is_event(self, rng: Range) -> bool:
        """A phrase headed by a verbal noun of a derived form (اعتقال، انسحاب، استهداف) names
        an action; documents such as «استطلاع» are listed speakers and stay."""
        return is_verbal_noun_phrase(self.tt, rng[0], self.lex)

    def _relative_speaker(self, cue: CueMatch, relative: int) -> Range | None:
        """«الشائعات التي تحدثت عن»: the relative pronoun's antecedent speaks when it agrees
        with the verb; otherwise the subject is dropped («صحتها التي أكد أنها»)."""
        if cue.kind == CueKind.PASSIVE:
            return None
        pronoun = strip_conjunction(self.tt.tokens[relative].norm)
        antecedent = relative_antecedent(self.tt, relative, self.lex)
        if (
            antecedent
            and agrees(cue.agreement, RELATIVE_AGREEMENT[pronoun])
            and not is_non_speaker(self.tt, antecedent, self.lex)
        ):
            return self.memory.resolve_reduced(antecedent)
        if self._impersonal_imperfect(cue):
            return None  # «عملية التنظيف التي يُتوقع أن تستغرق عامين»: it is expected
        return self._speaker(cue, None)

    def _impersonal_imperfect(self, cue: CueMatch) -> bool:
        """An imperfect cue right before «أن», in a relative clause it does not agree with,
        reads as the impersonal passive (يُتوقع أن، يُعتقد أن)."""
        tokens = self.tt.tokens
        word = strip_conjunction(tokens[cue.first].norm)
        return (
            word[:1] in "يت"
            and cue.last < len(tokens)
            and tokens[cue.last].norm in self.lex.marker_set("complementizers")
        )

    def _channel_before(self, cue: CueMatch, source: Range | None) -> Range | None:
        """A channel before the cue («في بيان، ذكرت ...»), outside a fronted source: between
        the source and the cue, else before the source."""
        start = self._claim_free_start(cue)
        if source is None or source[0] >= cue.first:
            return find_channel(self.tt, start, cue.first, self.lex)
        return find_channel(self.tt, max(start, source[1]), cue.first, self.lex) or (
            find_channel(self.tt, start, source[0], self.lex)
        )

    def _subject_follows(self, cue: CueMatch, region_end: int, object_mode: bool) -> bool:
        start = skip_adverbials(self.tt, cue.last, self.lex)
        return (
            noun_phrase(self.tt, start, region_end, self.lex, self.cue_starts, object_mode)
            is not None
        )

    def _source_after_verb(
        self,
        cue: CueMatch,
        fronted: Range | None,
        region_end: int,
        object_mode: bool,
        relative: int | None = None,
    ) -> tuple[Range | None, int]:
        if fronted or cue.kind == CueKind.PARTICIPLE:
            return fronted, cue.last
        if cue.kind == CueKind.VERB and cue.agreement in PLURAL_AGREEMENTS:
            return None, cue.last  # «اتهموا أردوغان»: a plural verb's subject is in the verb
        start = skip_adverbials(self.tt, cue.last, self.lex)
        if start + 1 < region_end and self._pronoun_adjunct(cue, start):
            start = skip_adverbials(self.tt, start + 1, self.lex)  # «وقال لي مسؤول إن»
        if _manner_before_words(self.tt, start, self.lex):
            start += 1  # «فقالت باندفاع: "..."»، «وقال بانفعال إن»: how, not who
        if start < region_end and self.tt.tokens[start].norm in WHO_IS:
            return None, cue.last  # «وقالت وهي تتذكر ...:»: while she spoke; no subject here
        if start < region_end and self.tt.tokens[start].norm in ("،", ","):
            if start + 1 < region_end and _opens_coordinate(self.tt.tokens[start + 1]):
                return None, cue.last  # «الذي لم يكن يتوقعه، وخيمت ...»: a new clause
            start += 1  # «وكتب، جيسون داو، من سوسيتيه جنرال»
        start = past_outlet_told(self.tt, start, region_end, self.lex)
        if start == cue.last and self._resumes_noun(cue) and not object_mode:
            start += 1  # «في وقت أعلنت فيه الرئاسة الفرنسية»: the subject after «فيه»
        if start < region_end and self.tt.tokens[start].norm == "ب" and cue.has_object:
            return None, start + 1  # «واتهمتها بـ"دعم الإرهاب"»: what she is accused of
        if start < region_end and cue.has_object and Takes.PREDICATE in cue.takes and (
            _bi_predicate(self.tt.tokens[start])
        ):
            return None, cue.last  # «فوصفها بصاحبة موهبة»: what she is called, not who calls
        if start < region_end and is_oblique_plural(self.tt.tokens[start], self.lex):
            return None, cue.last  # «واتهم الديمقراطيين بتسييس القضية»: the object
        if start < region_end and is_possessed_verbal_noun(self.tt.tokens[start], self.lex):
            return None, cue.last  # «وأكد أيضا توقعاته للفارق»: the object; the subject dropped
        if start < region_end and _event_noun(self.tt.tokens[start], self.lex):
            return None, cue.last  # «وأكد ضرورة أن»، «وأكد حرص المملكة على»: the object
        if self._relative_subject(cue, relative):
            return None, cue.last  # «الذي اتهم المملكة بـ»: the relative pronoun is the subject
        split = self._subject_before_object(start, region_end, cue)
        if split is not None:
            return split  # «اتهم الوزير المعارضة بعرقلة ...»: the subject ends at the object
        if cue.has_object:  # «وهو ما نفته الشركة»: what follows is the subject
            phrase = noun_phrase(self.tt, start, region_end, self.lex, self.cue_starts)
            return (phrase, phrase[1]) if phrase else (None, cue.last)
        if object_mode and self._holds_only(cue):
            return self._holder(start, region_end, cue)
        if object_mode or Takes.DOUBLE in cue.takes:
            return self._subject_and_object(start, region_end, cue)
        phrase = noun_phrase(self.tt, start, region_end, self.lex, self.cue_starts)
        if phrase:
            phrase = with_apposition(self.tt, phrase, region_end, self.lex, self.cue_starts)
        return (phrase, phrase[1]) if phrase else (None, cue.last)

    def _pronoun_adjunct(self, cue: CueMatch, k: int) -> bool:
        """«وقال لي مسؤول في الوزارة»، «كتب عنه الناقد»: a pronoun after «لـ» or «عن» says
        to or about whom the words are, and the subject follows it (a noun with the article, a
        speaker noun, a name); not where the verb takes its «عن» («نقلت عنه الوكالة»: the
        one quoted), nor before what is said («يصف لهن كيفية ...»)."""
        norm = self.tt.tokens[k].norm
        if norm not in PRONOUN_ADJUNCTS:
            return False
        if norm.startswith("عن") and (Takes.AN in cue.takes or cue.relay):
            return False
        after = self.tt.tokens[k + 1].norm
        return after.startswith("ال") or after in self.lex.head_words or person_name(after)

    def _holds_only(self, cue: CueMatch) -> bool:
        return Takes.HELD in cue.takes and not cue.takes & PLAIN_OBJECTS

    def _holder(self, start: int, limit: int, cue: CueMatch) -> tuple[Range | None, int]:
        """«اعتبر القاضي السابق في المحكمة الفصل في القضية شأنا للعلماء»: the holder ends
        where a definite object starts (a definite noun that is no adjective, «ما صدر»)."""
        tt = self.tt
        for object_mode in (False, True):
            phrase = noun_phrase(
                tt, start, limit, self.lex, self.cue_starts, object_mode, split_nouns=True
            )
            if phrase is None or not self._object_follows(phrase[1]):
                break  # «اعتبرت الخطة "منطلقا"»: the only phrase is the object
            if opens_held_object(tt, self._skip_interjections(phrase[1]), self.lex):
                return phrase, phrase[1]
        return None, cue.last  # the subject dropped

    def _subject_before_object(
        self, start: int, limit: int, cue: CueMatch
    ) -> tuple[Range | None, int] | None:
        """«حذر صندوق النقد الدولي الحكومات من ...»: a verb that takes a person before its
        content; when the phrase after it runs up to that content, the object ends it."""
        tt, lex = self.tt, self.lex
        if cue.has_object or normalize(cue.lemma) not in lex.marker_set("person_object_verbs"):
            return None  # «حذّرها فيصل من»: the object is the pronoun
        full = noun_phrase(tt, start, limit, lex, self.cue_starts)
        if full is None:
            return None
        if normalize(cue.lemma) in lex.marker_set("telling_verbs") and names_outlet(tt, full, lex):
            return None, cue.last  # «وأبلغ وكالة "رويترز" أن»: the outlet told; the subject dropped
        # «الوزير المعارضة بعرقلة ...» reads as one phrase: the content opens inside it
        end = next((k for k in range(start + 1, full[1] + 1) if self._content_at(k)), None)
        k = object_start(tt, (start, end), lex) if end is not None else None
        return ((start, k), k) if k is not None else None

    def _content_at(self, k: int) -> bool:
        """«بعرقلة»، «بأن»، «من»، «أن»: what may open the content of a verb of telling,
        warning or accusing."""
        return k < len(self.tt.tokens) and opens_content(self.tt.tokens[k], self.lex)

    def _subject_and_object(
        self, start: int, limit: int, cue: CueMatch
    ) -> tuple[Range | None, int]:
        """VSO with an object: a comma after the subject («نفى X، صحة ...»), else definiteness."""
        tt = self.tt
        if start < limit and (
            is_verbal_noun_phrase(tt, start, self.lex)
            or is_possessed_verbal_noun(tt.tokens[start], self.lex)
        ):
            return None, cue.last  # «أعلنت الاستعداد لـ»، «وأكدت وقوفها»: the object
        full = noun_phrase(tt, start, limit, self.lex, self.cue_starts)
        if full:
            full = with_apposition(tt, full, limit, self.lex, self.cue_starts)
        if full and full[1] < len(tt.tokens) and self._skip_interjections(full[1]) > full[1]:
            after = self._skip_interjections(full[1])
            if (
                after < tt.sentence_bounds(start)[1]
                # «رفض الوزير الاتهامات، وقال»: a new claim, not an object
                and (after not in self.cue_at or self.cue_at[after].kind == CueKind.NOUN)
                and (tt.tokens[after].norm not in PUNCTUATION or tt.quotes.get(after, -1) > after)
                # «تتهم كييف روسيا بتأجيج التمرد، إلا أن موسكو تنفي»: the writer goes on
                and not opens_writers_clause(tt, after, self.lex)
                # «أعلنت الأمم المتحدة حالة الطوارئ ...، وهو أعلى مستوى»: an aside
                and tt.tokens[after].norm not in WHO_IS
            ):
                return full, after  # «أعلن الحزب الخميس "التعليق المؤقت ..."»
        phrase = noun_phrase(tt, start, limit, self.lex, self.cue_starts, object_mode=True)
        if phrase is None or not self._object_follows(phrase[1]):
            return None, cue.last  # the only phrase is the object: «نفت احتجازه»
        return phrase, phrase[1]

    def _skip_interjections(self, k: int) -> int:
        """Skip commas, times, statements and relay phrases between a subject and its object."""
        tt = self.tt
        starts = self.cue_at
        while k < len(tt.tokens):
            k = skip_adverbials(tt, k, self.lex)
            statement = statement_end(tt, k, self.lex)
            if k < len(tt.tokens) and tt.tokens[k].norm in ("،", ","):
                k += 1
            elif statement:
                k = _to_closing_comma(tt, statement)  # «في بيان صدر مساء الأحد،»
            elif k in starts and starts[k].kind == CueKind.PHRASE and starts[k].relay:
                k = starts[k].last
                while k < len(tt.tokens) and tt.tokens[k].norm not in ("،", ",", "."):
                    k += 1
            else:
                return k
        return k

    def _object_follows(self, k: int) -> bool:
        k = self._skip_interjections(k)
        return k < len(self.tt.tokens) and self.tt.tokens[k].norm not in PUNCTUATION

    def _relay(self, cue: CueMatch, subject: Range, region_end: int) -> tuple[Range, Range] | None:
        """«نقلت الوكالة عن مصدر ... قوله إن»: the عن-object speaks, the subject relays;
        an «عن» inside a long subject («الوكالة التي يسيطر عليها الحوثيون عن الحوثيين»)
        ends it."""
        # «علمت "الوطن" من مصادر مطلعة أن»: a relay verb of learning takes من
        prepositions = ("عن",) if Takes.QUOTE in cue.takes else ("عن", "من")
        for preposition in prepositions:
            for k in range(subject[0] + 1, region_end):
                if self.tt.tokens[k].norm == preposition:
                    source = noun_phrase(self.tt, k + 1, region_end, self.lex, self.cue_starts)
                    if source:
                        return source, (subject[0], min(subject[1], k))
        return None

    def _verb_content(
        self, cue: CueMatch, opener: Opener | None, after_source: int
    ) -> tuple[Range, bool] | None:
        tt = self.tt
        if opener is None:
            rng = object_content(
                tt, self._skip_interjections(after_source), self.cue_at, cue, self.lex
            )
            if rng and Takes.CLAIM_OBJECT in cue.takes and not self._names_claim(rng):
                return None  # «رفض الطلب»: rejecting a request denies no claim
            return (rng, False) if rng else None
        if opener.kind == OpenerKind.THAT:
            return content_from(tt, opener.index + 1, self.cue_at, cue, self.lex)
        if opener.kind == OpenerKind.QUOTE:
            return quoted(tt, opener.index)
        if opener.kind == OpenerKind.COLON:
            start = opener.index + 1
            if (
                start < len(tt.tokens)
                and tt.quotes.get(start, -1) > start
                and is_speech_length(tt, start)
            ):
                return quoted(tt, start)
            found = content_from(tt, start, self.cue_at, cue, self.lex)
            return (found[0], True) if found else None
        start = opener.index if opener.kind == OpenerKind.BI else opener.index + 1
        rng = object_content(tt, start, self.cue_at, cue, self.lex)
        return (rng, False) if rng else None


MAX_PARENTHETICAL = 8  # words after a statement noun that still belong to its parenthetical


def _to_closing_comma(tt: TokenizedText, k: int) -> int:
    """«نفى المدير، في بيان صدر مساء الأحد، وجود ...»: a statement set off by commas runs
    to its closing comma; with none close by, it ends where the statement noun does."""
    for j in range(k, min(len(tt.tokens), k + MAX_PARENTHETICAL)):
        norm = tt.tokens[j].norm
        if norm in ("،", ","):
            return j
        if norm in PUNCTUATION and tt.tokens[j].text not in QUOTES:
            return k
    return k


def _bi_predicate(tok: Token) -> bool:
    """«بالتاريخي»، «بصاحبة موهبة»: بـ before a definite word or a noun in ة (no name)."""
    return tok.norm[:1] == "ب" and (is_preposition_like(tok.norm) or tok.text.endswith("ة"))


def _opens_coordinate(tok: Token) -> bool:
    """«، وخيمت»، «، فقال»: و or ف on a word that names no one opens a coordinated clause."""
    norm = tok.norm
    return norm[:1] in CONJUNCTIONS and len(norm) > 3 and not person_name(norm)


def _event_noun(tok: Token, lex: Lexicon) -> bool:
    """«وجود»، «ضرورة»، «أهمية»: an event or what is stressed, with no article: an object."""
    return not is_definite(tok) and bare_noun(strip_conjunction(tok.norm)) in lex.marker_set(
        "event_nouns"
    )


def _lam_or_ba(tok: Token) -> bool:
    """«لمعلومات»، «بمصدر»: a preposition attached to an indefinite noun."""
    return tok.norm[:1] in "لب" and not tok.norm[1:].startswith("ال") and len(tok.norm) > 3


def _may_be_subject(tok: Token, lex: Lexicon) -> bool:
    """«الوزارة»، «مسؤول»، «سامر»: a word that may open the subject after a verb (not
    «بتضاعف» nor «ما»)."""
    norm = strip_conjunction(tok.norm)
    return not _lam_or_ba(tok) and norm not in RELATIVE_MA and (
        is_definite(tok) or norm in lex.head_words or name_like(tok, lex)
    )


def _indefinite_word(tok: Token, lex: Lexicon) -> bool:
    """A word of an indefinite noun phrase: no article, no punctuation, no verb."""
    norm = strip_conjunction(tok.norm)
    return (
        norm.isalpha()
        and not is_definite(tok)
        and norm not in lex.verbs
        and norm not in lex.speech_acts
        and norm not in lex.source_stop_words
        and not is_preposition_like(norm)
        and not preposition_with_pronoun(norm)
        and tok.norm == norm  # «ومصدر»: a conjunction opens a new phrase
    )


def _adjective_after(tok: Token, lex: Lexicon) -> bool:
    """«موثوق»، «حكومي»، «مسؤول»: what may follow the noun inside its phrase."""
    norm = bare_noun(tok.norm)
    return norm in lex.adjectives or norm.endswith(("ي", "يه")) or norm in lex.head_words


def _manner_before_words(tt: TokenizedText, k: int, lex: Lexicon) -> bool:
    """«باندفاع»، «بانفعال»: بـ and a verbal noun with no article, right before the words
    (a colon, a quotation, a complementizer), is the manner of speaking."""
    if k + 1 >= len(tt.tokens):
        return False
    tok, after = tt.tokens[k], tt.tokens[k + 1]
    return (
        tok.norm[:1] == "ب"
        and not tok.norm.startswith("بال")
        and is_verbal_noun_form(tok.norm[1:], lex)
        and (after.norm == ":" or after.text in QUOTES or after.norm in lex.complementizers)
    )
