"""Numbers that describe the sample (age, sex, baseline values) rather than an outcome.

Baseline characteristics reported in Results are no results: the issue asks that they never come out as
one. :func:`baseline` gives them the role ``baseline`` after sample sizes are known.
"""

from __future__ import annotations

import itertools
import re

from kb.evidence.results import countpatterns as C
from kb.evidence.results import effectpatterns as E
from kb.evidence.results import patterns as P
from kb.evidence.results.measure import CLAUSE_BREAK_RE, scope
from kb.evidence.results.numbers import lead
from kb.evidence.results.sections import closes_bracket
from kb.evidence.results.spans import Sentence, Tok

BASELINE_RE = lead(
    "[aAbBpPàiI]",
    r"(?i)\b(?:at baseline|baseline|at inclusion|at entry|à l'inclusion|pre-?treatment|indications?)\b",
)
"""A baseline word before a value; "the indication was ... in 63%" describes the sample too."""
AFTER_HISTORY_RE = re.compile(
    r"(?i)\s*%?\s*\)?\s*(?:of\s+(?:the\s+)?[\w-]+\s+)?(?:had|have|were|was|presented with)\s+"
    r"(?:(?:received|undergone|been given|been treated with|used|taken)\s+)?(?:a\s+|an\s+)?"
    r"(?:(?:previous|prior|known|pre-?existing|history of|stage)\b|[^,;.()]{0,40}?\b(?:at|before)"
    r" (?:presentation|diagnosis|baseline|entry|inclusion|enrol+ment|randomi[sz]ation|study entry)\b)"
)
"""After a percentage, the sample's history: "47% had a previous repair", "41% had bleeding at
presentation"."""
CLOSE_BASELINE_RE = re.compile(
    r"(?i)\bat\s+(?:the\s+time\s+of\s+)?(?:baseline|study entry|entry|inclusion|enrol+ment|randomi[sz]ation"
    r"|presentation|diagnosis)\W*$"
)
"""A sentence that closes "... at randomisation.": its values describe the sample when it compares nothing."""
OPEN_BASELINE_RE = re.compile(
    r"(?i)\W*(?:at|à|on)\s+(?:baseline|entry|inclusion|l'inclusion|enrol+ment|randomi[sz]ation|presentation)\b"
)
"""A sentence that opens "At baseline, ...": its values describe the sample until a time point or a change."""
PRIOR_OPEN_RE = re.compile(r"(?i)\W*(?:prior|previous|pre-?existing)\s+\w+\b")
"""A sentence that opens on the sample's history ("Prior rituximab had been given to 44%")."""
DESCRIBE_AFTER_RE = re.compile(
    r"\s*%\s*(?:of\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:are|is)\s"
    r"|\s*%\s*(?:[\w-]+\s+){0,2}?were\s+of\s+(?:the\s+)?[\w-]+\s+(?:variety|type|kind|origin|subtype)\b"
)
"""After a percentage, a classification of the sample: "74% fistulas are inter-sphincteric", "26% were of
trans-sphincteric variety"."""
HISTORY_BEFORE_RE = re.compile(
    r"(?i)\bhad\s+(?:had\b|(?:(?:been|already)\s+)?(?!(?:improved|increased|decreased|fallen|risen|declined"
    r"|dropped|changed|reduced|lost|gained)\b)[a-z]+(?:ed|en|wn|ne|ived)\b)[^.;\d]{0,50}$"
)
"""The sample's history in the pluperfect before a duration ("Participants had smoked for a mean of 17.4
years", "had been diagnosed a median of 6 years earlier", "had had diabetes for 11.2 years on average"); a
change ("scores had fallen by 4 points") is an outcome."""
DURATION_AFTER_RE = re.compile(r"(?i)\s*(?:years?|yrs?|y|months?|mo|weeks?|wk|days?|ans|mois)\b")
FROM_BEFORE_RE = re.compile(r"(?i)\b(?:from|since|over|relative to|compared (?:with|to)|vs\.?)\s*$")
"""Before "baseline": a change from baseline is an outcome, not a baseline value."""
OWN_SHARE_RE = re.compile(r"\s+(?:[A-Za-z-]+\s+){0,3}\(\s*")


def _clause_start(sent: Sentence, pos: int) -> int:
    """Where the clause of ``pos`` starts: after the last semicolon, at most 120 characters back."""
    head = max(sent.s.start, pos - 120)
    return max(head, sent.text.rfind(";", head, pos) + 1)


def _own_share(text: str, t: Tok, n_ends: set[int]) -> bool:
    """The share of the sample size right before it: "120 (45%)", "fifty-nine children (90.3%)"."""
    if any(
        t.start - d in n_ends and OWN_SHARE_RE.fullmatch(" " + text[t.start - d : t.start]) for d in (1, 2, 3)
    ):
        return True  # "120 (45%)"; "(n=198/197); 27.3% were dMMR" is no share of the n
    return any(0 < t.start - e <= 40 and OWN_SHARE_RE.fullmatch(text, e, t.start) for e in n_ends)


THEIR_AGE_RE = re.compile(
    r"(?i)\b(?:(?:their|whose|leur)\s+(?:(?:mean|median|average)\s+)?|(?:mean|median|average)\s+)(?:age|âge)\b"
    r"|\b(?:l')?âge\s+(?:moyen|médian)\b"
)
"""A clause that describes the sample by its age ("their mean age was 58.3 years and mean SBP 162.4 mm Hg",
"median age was 71 years and median ferritin 412 ng/mL", "l'âge moyen était de 67 ans et 17 % des patients
étaient dénutris"): its other values describe the sample too, up to a
clause with its own verb (", and median survival was 14.2 months")."""
PARENS_RE = re.compile(r"\([^()]{0,300}\)")
AFTER_DEMOGRAPHIC_RE = re.compile(
    r"^\s*%?\s*\)?\s*(?:were\s+|was\s+|are\s+|of\s+(?:the\s+)?(?:patients|participants|subjects)\s+were\s+)?"
    r"(?:males?|females?|men|women|boys|girls|white|black|caucasians?|smokers?|years?\s+old|hommes|femmes)\b"
    r"|^\s*%?\s*\)?\s*(?:at|à)\s+(?:baseline|inclusion|entry|l'inclusion)\b"
)
AGE_BEFORE_RE = re.compile(
    r"(?i)(?<!for-)(?<!gestational )(?<!of )\b(?:âge|age)\b"
    r"(?![^\d.;]*\b(?:increas|decreas|improv|chang|reduc|fell|rose|gain))[^\d.;]{0,25}$"
)
"""An age word shortly before a value ("L'âge médian était de 54 ans", "median age was 61"); not an outcome
named after age ("height-for-age z-score increased by 0.15", "gestational age at delivery") nor a change."""
CONCENTRATION_GAP_RE = re.compile(
    r"\s*%\s*(?:(?!(?:of|in|with|on|for|receiving|given|taking|and|or|vs|versus)\b)[A-Za-z]+\s+)?"
)
"""Between a percentage and a dose when the percentage is the drug's concentration ("bupivacaine 0.5% 30 mL",
"2% lidocaine 5 mL"); a bracket or a preposition between makes the dose name an arm."""
BEFORE_DEMOGRAPHIC_RE = re.compile(
    r"(?i)(?<!of )(?<!for-)\b(?:age[ds]?|âge|BMI|body mass index|males?|females?|hommes|femmes)\s*"
    r"(?:was|were|of|:|=)?\s*(?:\(\s*)?(?:mean|median)?\s*(?:\(\s*)?$"
)

ENROLLED_RE = re.compile(
    r"(?i)\b(?:enrol+ed|recruited|randomi[sz]ed|randomly assigned|included|inclus|incluse?s|randomisée?s)\b"
)
SAMPLE_SUMMARY_RE = re.compile(r"(?i)\b(?:mean|median|average|moyen(?:ne)?|médian(?:e)?)\b")
FOLLOW_UP_RE = re.compile(r"(?i)\bfollow|\bsuivi")
"""The sentence that enrols the sample goes on, after a semicolon, to a mean or median of the sample ("112
children were randomised (56 per group); median TBSA was 4% (range 1–9%)", "Sixty-four women were enrolled;
the mean resection weight per breast was 682 g"): a clause that compares nothing and names no outcome
describes those enrolled. A follow-up's length is a result by the development set's convention."""
SHARE_STATE_RE = re.compile(
    rf"\s*{P.NUM}\s*\(\s*{P.NUM}\s*%\s*\)\s*(?:of\s+(?:them|whom|these)\s+)?(?:were|was)\s+"
    r"(?!(?:lost|excluded|withdrawn|analy[sz]ed|included|followed|assessed|evaluated|available|randomi[sz]ed"
    r"|treated|allocated|assigned|discontinued|retained|eligible)\b)"
)
"""A share of the enrolled sample and what they were ("; 61 (21.4%) were HIV co-infected"): a characteristic
of those enrolled; those lost, analysed or retained are the trial's flow."""
SUMMARY_BRACKET_RE = re.compile(r"(?i)\(\s*(?:median|mean|average|médiane?|moyenne?)\s[^()]{0,80}\)")
COPULA_RE = re.compile(r"\b(?:were|was|are)\b")
CLAUSE_CUT_RE = re.compile(r"[,;.]|\band\b")
OF_PEOPLE_RE = re.compile(r"\s*%?\s*of\s+(?:the\s+|all\s+)?[\w-]+\s*(?:\(|$)")
BASELINE_GAP_RE = re.compile(r"[,;]|\bfrom\b|\bchang|\bto\b")
CHANGE_AFTER_OPENING_RE = re.compile(
    r"(?i)\b(?:after|chang\w*|increas\w*|decreas\w*|reduc\w*|improv\w*|fell|rose|declin\w*)\b"
)


def baseline(sent: Sentence) -> None:
    """Numbers that describe the sample (age, sex, baseline values) rather than an outcome."""
    text = sent.text
    for m in sent.finditer(PARENS_RE):
        inner = m.group()
        if C.DEMOGRAPHIC_RE.search(inner) and not E.EFFECT_RE.search(inner) and not P.CI_RE.search(inner):
            sent.mark(m.start(), m.end(), "baseline")
    for t in sent.free():
        after = text[t.end : t.end + 40]
        before = text[max(sent.s.start, t.start - 25) : t.start]
        demographic = BEFORE_DEMOGRAPHIC_RE.search(before) or AGE_BEFORE_RE.search(before)
        noun = AFTER_DEMOGRAPHIC_RE.match(after)
        if noun and t.count is not None and not COPULA_RE.search(noun.group()) and sent.compare():
            noun = None  # "achieved by 79/120 (65.8%) women": the people counted, not their description
        if noun or demographic:
            t.role = "baseline"
            continue
        head = text[max(sent.s.start, t.start - 80) : t.start]
        found = max(BASELINE_RE.finditer(head), key=lambda m: m.start(), default=None)
        if (
            found is not None
            and not BASELINE_GAP_RE.search(head[found.end() :])
            and not FROM_BEFORE_RE.search(head[: found.start()])  # "change from baseline was −19.6"
            and not E.EFFECT_RE.search(head[found.end() :])  # "with baseline SBP ≥160 (mean difference −15.2"
        ):
            t.role = "baseline"
        elif (
            (their := THEIR_AGE_RE.search(text, _clause_start(sent, t.start), t.start))
            and not C.COMPARE_RE.search(text, their.start(), t.start)
            and not CLAUSE_BREAK_RE.search(text, their.end(), t.start)
            and not closes_bracket(text[their.end() : t.start])  # "(median age 41 years), 1,402 (91.3%) had"
        ):
            t.role = "baseline"  # "; their mean age was 58.3 years (SD 11.2) and mean SBP 162.4 mm Hg"
        elif t.pct and AFTER_HISTORY_RE.match(text, t.end, min(sent.s.end, t.end + 80)):
            t.role = "baseline"  # "47% had a previous hernia repair", "41% had bleeding at presentation"
    _history(sent)
    _opening_baseline(sent)
    _described(sent)
    for t in sent.free():
        i = sent.index(t)
        dose_after = any(
            u.role == "dose"
            and 0 < u.start - t.end < 25
            and CONCENTRATION_GAP_RE.fullmatch(text, t.end, u.start)
            for u in sent.toks[i + 1 : i + 4]
        )  # "bupivacaine 0.5% 30 mL" is a concentration; "(29.0%) receiving 5 mg", "−28.4% (10 mg)" name arms
        if t.pct and dose_after:
            t.role = "baseline"
            continue
        clause = CLAUSE_CUT_RE.split(text[t.end : t.end + 50], 1)[0]
        of_people = OF_PEOPLE_RE.match(clause)  # "11.6% of women"
        if (
            t.pct
            and t.count is None
            and not of_people
            and C.DEMOGRAPHIC_RE.search(clause)
            and not C.COMPARE_RE.search(clause)
        ):
            t.role = "baseline"
    _shares(sent)
    _bracket_of_baseline(sent)
    _enrolment_clauses(sent)


def _enrolment_clauses(sent: Sentence) -> None:
    """Means and medians in the clauses after the one that enrols the sample (``ENROLLED_RE``): baseline."""
    text = sent.text
    if text.find(";", sent.s.start, sent.s.end) < 0 or not ENROLLED_RE.search(text, sent.s.start, sent.s.end):
        return
    cuts = _semicolons(text, sent.s.start, sent.s.end)
    if not cuts or not ENROLLED_RE.search(text, sent.s.start, cuts[0]):
        return
    if not any(t.role == "n" and t.end <= cuts[0] for t in sent.toks) and not any(
        r.end <= cuts[0] for r in sent.extra
    ):
        return
    for a, b in itertools.pairwise([*cuts, sent.s.end]):
        if C.COMPARE_RE.search(text, a, b) or sent.ps:
            continue
        if SAMPLE_SUMMARY_RE.search(text, a, b) and not FOLLOW_UP_RE.search(text, a, b):
            for t in sent.within(a, b):
                t.role = t.role or "baseline"
        elif (state := SHARE_STATE_RE.match(text, a + 1, b)) is not None:
            for t in sent.within(a, state.end()):
                if t.role in ("", "count"):
                    t.role = "baseline"  # "285 patients were enrolled; 61 (21.4%) were HIV co-infected"


def _semicolons(text: str, start: int, end: int) -> list[int]:
    """The semicolons of ``text[start:end]`` outside brackets."""
    out, depth = [], 0
    for i in range(start, end):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch == ";" and depth == 0:
            out.append(i)
    return out


def _shares(sent: Sentence) -> None:
    """Percentages of a sentence that gives a sample size and compares nothing: the sample's shares."""
    text = sent.text
    n_toks = [t for t in sent.toks if t.role == "n"]
    if not n_toks and not sent.extra:
        return
    n_ends = {n.end for n in n_toks} | {r.end for r in sent.extra}
    own = {t.start for t in sent.toks if t.pct and _own_share(text, t, n_ends)}
    compare = sent.compare()
    for t in sent.free():
        if not t.pct or t.count is not None or t.start in own:
            continue
        if (compare is None and scope(sent, t.start) is None) or (
            (compare is None or t.start < compare.start())
            and text[max(0, t.start - 5) : t.start].rstrip().endswith("(")
        ):
            t.role = "baseline"


def _bracket_of_baseline(sent: Sentence) -> None:
    """A bracket opening with a median or mean right after a value that describes the sample describes the
    same people ("41% were living with HIV (median CD4 count 540 cells/µL)")."""
    if "(" not in sent.text[sent.s.start : sent.s.end]:
        return
    for m in sent.finditer(SUMMARY_BRACKET_RE):
        last = [u for u in sent.toks if u.end <= m.start() and m.start() - u.end <= 40]
        if last and last[-1].role == "baseline" and not P.CI_RE.search(m.group()):
            sent.mark(m.start(), m.end(), "baseline")


def _history(sent: Sentence) -> None:
    """A duration of the sample's history in the pluperfect, in a sentence that compares nothing: a
    baseline characteristic ("Participants had smoked for a mean of 17.4 years")."""
    text = sent.text
    if sent.compare():
        return
    for t in sent.free():
        if (
            not t.pct
            and DURATION_AFTER_RE.match(text, t.end, sent.s.end)
            and HISTORY_BEFORE_RE.search(text, max(sent.s.start, t.start - 80), t.start)
        ):
            t.role = "baseline"


def _opening_baseline(sent: Sentence) -> None:
    """A sentence that opens "At baseline, ...": its values describe the sample up to a time point or change;
    one that closes "... at randomisation" or opens "Prior X ..." describes it when it compares nothing.

    "At baseline, 72% were girls and the mean score was 52.3 (SD 7.9)" gives no result; in "At baseline the
    score was 52; after 10 weeks it fell to 40" the second value is an outcome.
    """
    m = OPEN_BASELINE_RE.match(sent.text, sent.s.start, sent.s.end)
    if m is None:
        described = CLOSE_BASELINE_RE.search(sent.text, sent.s.start, sent.s.end) or PRIOR_OPEN_RE.match(
            sent.text, sent.s.start, sent.s.end
        )  # "Participants had a mean HbA1c of 8.4% ... at randomisation.", "Prior rituximab was given to"
        if described and not sent.compare():
            for t in sent.free():
                t.role = "baseline"
        return
    change = CHANGE_AFTER_OPENING_RE.search(sent.text[m.end() : sent.s.end])
    cut = m.end() + change.start() if change else sent.s.end
    for t in sent.toks:
        if t.start >= cut or t.role == "time":
            return
        if not t.role:
            t.role = "baseline"


def _described(sent: Sentence) -> None:
    """Percentages that classify the sample in the present tense, in a sentence without any comparison.

    Results are reported in the past tense and compared; "About 74% fistulas are inter-sphincteric and 26%
    were of trans-sphincteric variety" describes what the sample is (a baseline characteristic).
    """
    text = sent.text
    pcts = [t for t in sent.free() if t.pct]
    if not pcts or sent.compare():
        return
    if any(DESCRIBE_AFTER_RE.match(text, t.end, min(sent.s.end, t.end + 60)) for t in pcts):
        for t in pcts:
            t.role = "baseline"


CHANGE_WORD_RE = re.compile(
    r"(?i)\b(?:chang\w*|increas\w*|decreas\w*|reduc\w*|improv\w*|fell|rose|declin\w*|loss|gain\w*|lost"
    r"|after|post\w*|during|until|before|over|within|with)\b"
    r"|\b(?:operated|used|wor[en]|attend\w*|adher\w*|complian\w*|sessions?|received|delivered|exposure"
    r"|duration|time to|length)\b"
)
"""A change, a time, an arm ("with active drops") or the delivery of the intervention ("purifiers operated for
a median of 22.6 hours per day", "attendance"): what the trial did, not who was enrolled."""
RANDOMISED_RE = re.compile(r"(?i)\brandomi[sz]|\brandomly\b|\ballocated\b")


def opening_sample(sent: Sentence, opening: bool) -> bool:
    """The opening of a trial's Results, before any value of an outcome, describes the people enrolled: a
    mean or median of all of them that compares nothing ("Mean stone size was 6.8 ± 1.3 mm.", "Participants
    smoked a median of 20 cigarettes per day (IQR 15–30)") is a baseline characteristic. ``opening`` says
    whether the sentences before in the section gave no value; returns whether this one gave none either.

    A trial compares its arms: a summary of all participants that names no arm, no change, no time point and
    no p is what they were, not what the trial did to them (a follow-up's length stays a result)."""
    if not opening:
        return False
    text, lo, hi = sent.text, sent.s.start, sent.s.end
    if (
        SAMPLE_SUMMARY_RE.search(text, lo, hi)
        and RANDOMISED_RE.search(text)
        and not sent.ps
        and not sent.times
        and sent.compare() is None
        and not FOLLOW_UP_RE.search(text, lo, hi)
        and not CHANGE_WORD_RE.search(text, lo, hi)
        and not any(t.role in ("ci", "level") for t in sent.toks)
    ):
        free = list(sent.free())
        if not any(t.pct for t in free) and len(free) <= len(SAMPLE_SUMMARY_RE.findall(text, lo, hi)):
            for t in free:  # one value per mean or median, none a share: each a summary of all enrolled
                t.role = "baseline"
    return not sent.ps and all(t.role and t.role != "value" for t in sent.toks)
