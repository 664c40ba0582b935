"""The trial report's figures as people read them: one toolkit-free place for the PDF, the window and the terminal.

Each function takes a part of the typed report (analysis/*.py dataclasses) and gives its text in the
reader's language: '32/53 (60.4%); 95% CI 46.9–72.4%', or the note that says why there is no figure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.wording import decimal, said, say

if TYPE_CHECKING:
    from ..analysis.accuracy import ContingencyRow
    from ..analysis.clustered import Clustered
    from ..analysis.enrolment import CentreEnrolment
    from ..analysis.estimates import Comparison, Difference, OddsRatio, Proportion
    from ..analysis.margins import Margins
    from ..analysis.roc import Auroc

DASH = "–"
CONTINGENCY_KEYS = ("vascular_r1", "parenchymal_r1", "r1_type_missing", "r0")


def percent(share: Proportion, lang: str) -> str:
    return DASH if share.value is None else f"{decimal(share.value * 100, 1, lang)}%"


def count_of(share: Proportion, lang: str) -> str:
    """'32/53 (60.4%)', or the note when there is no value."""
    if share.value is None:
        return said(share.note, lang)
    return f"{share.count}/{share.total} ({percent(share, lang)})"


def bounds(low: float | None, high: float | None, lang: str, scale: float = 100, digits: int = 1) -> str:
    if low is None or high is None:
        return DASH
    return f"{decimal(low * scale, digits, lang)}–{decimal(high * scale, digits, lang)}"


def with_interval(share: Proportion, lang: str) -> str:
    if share.value is None:
        return said(share.note, lang)
    return say(
        "{count}; 95% CI {interval}%",
        lang,
        count=count_of(share, lang),
        interval=bounds(share.ci_low, share.ci_high, lang),
    )


def clustered_text(share: Clustered, lang: str) -> str:
    """A proportion's interval with lesions clustered within patients: '95% CI 45.1–75.0%'."""
    if share.ci_low is None:
        return said(share.note, lang)
    return say("95% CI {interval}%", lang, interval=bounds(share.ci_low, share.ci_high, lang))


def p_text(test: Comparison, lang: str) -> str:
    if test.p_value is None:
        return said(test.note, lang)
    return f"p < {decimal(0.001, 3, lang)}" if test.p_value < 0.001 else f"p = {decimal(test.p_value, 3, lang)}"


def p_with_test(test: Comparison, lang: str) -> str:
    """A p-value with the test that gave it: 'p = 0.130 (Pearson's chi-square test without continuity correction)'."""
    return p_text(test, lang) if test.p_value is None else f"{p_text(test, lang)} ({said(test.method, lang)})"


def mcnemar_text(margins: Margins, lang: str) -> str:
    """McNemar's test of R0 before against after re-resection, with the discordant lesions it counts."""
    return say(
        "{p} (R1 to R0: {converted}, R0 to R1: {lost})",
        lang,
        p=p_text(margins.mcnemar, lang),
        converted=margins.r1_to_r0,
        lost=margins.r0_to_r1,
    )


def area(auroc: Auroc, lang: str) -> str:
    if auroc.value is None:
        return said(auroc.note, lang)
    shown = say(
        "{value} (95% CI {interval})",
        lang,
        value=decimal(auroc.value, 3, lang),
        interval=bounds(auroc.ci_low, auroc.ci_high, lang, 1, 3),
    )
    return f"{shown}; {said(auroc.note, lang)}" if auroc.note else shown


def change_text(difference: Difference, lang: str) -> str:
    """The change in a rate on the same cases: '+12.3 percentage points (95% CI +6.1 to +18.5)'."""
    if difference.value is None or difference.ci_low is None or difference.ci_high is None:
        return said(difference.note, lang)
    value, low, high = (
        decimal(x * 100, 1, lang, signed=True) for x in (difference.value, difference.ci_low, difference.ci_high)
    )
    return say("{value} percentage points (95% CI {low} to {high})", lang, value=value, low=low, high=high)


def odds(ratio: OddsRatio, lang: str) -> str:
    if ratio.value is None:
        return said(ratio.note, lang)
    return f"{decimal(ratio.value, 2, lang)} ({bounds(ratio.ci_low, ratio.ci_high, lang, 1, 2)})"


def odds_cells(ratio: OddsRatio, lang: str) -> list[str]:
    """Events/others in the group and in the reference group, the odds ratio with its interval, and p."""
    return [
        f"{ratio.group_events}/{ratio.group_others}",
        f"{ratio.reference_events}/{ratio.reference_others}",
        odds(ratio, lang),
        DASH if ratio.p_value is None else decimal(ratio.p_value, 3, lang),
    ]


def contingency_keys(total: ContingencyRow) -> list[str]:
    """The columns of Table 2: R1 without its type recorded only when there is such a lesion."""
    return [key for key in CONTINGENCY_KEYS if key != "r1_type_missing" or total.r1_type_missing]


def contingency_cells(row: ContingencyRow, keys: list[str], lang: str) -> list[str]:
    """One row of Table 2: each count with its share of the row, then the row's total."""
    counts = [int(getattr(row, key)) for key in keys]
    shares = [f"{count} ({decimal(count / row.total * 100, 1, lang)}%)" if row.total else "0" for count in counts]
    return [*shares, str(row.total)]


def enrolment_cells(centre: CentreEnrolment) -> list[str]:
    """A centre's row: code, patients, lesions, confirmed CRLM, first and last surgery."""
    return [
        centre.centre,
        str(centre.patients),
        str(centre.lesions),
        str(centre.confirmed_crlm),
        centre.first_surgery or DASH,
        centre.last_surgery or DASH,
    ]
