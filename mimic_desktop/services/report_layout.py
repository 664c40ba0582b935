"""The trial report described once, in the reader's language: its sections, tables, notes and charts.

`sections(report, lang)` turns the typed report (analysis/report.TrialReport) into blocks
(reports/report_blocks.py) that the PDF and the window render as they are, so both show the same rows.
`chart_svg` draws a chart as the PDF does, as SVG for the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..domain.forms import field_def
from ..domain.wording import decimal, decimal_mark, said, say
from ..reports.report_blocks import (
    BarChart,
    Block,
    Chart,
    FlowChart,
    FlowStep,
    Note,
    Rate,
    RateChart,
    RocChart,
    Section,
    Table,
)
from .report_figures import (
    DASH,
    area,
    change_text,
    clustered_text,
    contingency_cells,
    contingency_keys,
    count_of,
    enrolment_cells,
    mcnemar_text,
    odds_cells,
    p_text,
    p_with_test,
    percent,
    with_interval,
)

if TYPE_CHECKING:
    from ..analysis.accuracy import Accuracy
    from ..analysis.report import TrialReport
    from ..analysis.sbr import Spread

SHOWN_IDS = 12  # study IDs listed per reason in the PDF's table of what was left out


# -- counts in words, with the singular or plural the number needs ------------------------------
def procedures_text(count: int, lang: str) -> str:
    return say("{count} procedure", lang, count=count) if count == 1 else say("{count} procedures", lang, count=count)


def lesions_text(count: int, lang: str) -> str:
    return say("{count} lesion", lang, count=count) if count == 1 else say("{count} lesions", lang, count=count)


def complications_text(count: int, lang: str) -> str:
    if count == 1:
        return say("{count} complication", lang, count=count)
    return say("{count} complications", lang, count=count)


def accuracy_names(lang: str) -> dict[str, str]:
    return {
        "sensitivity": say("Sensitivity", lang),
        "specificity": say("Specificity", lang),
        "ppv": say("PPV", lang),
        "npv": say("NPV", lang),
    }


def facts(name: str, rows: list[tuple[str, str]], lang: str) -> Table:
    """Label and value, one pair to a row."""
    return Table(name, [say("Figure", lang), say("Value", lang)], [list(row) for row in rows], (0.34, 0.66), False)


def title(report: TrialReport, lang: str) -> str:
    return say("MIMIC trial report: {source}", lang, source=report.source.text(lang) or say("data given", lang))


def counted(report: TrialReport, lang: str) -> Section:
    counts = report.counted
    analysed = say(
        "{included} of {procedures} analysed, one per patient; {lesions_included} of {lesions} and "
        "{complications_included} of {complications} go with them. Rows whose session has no procedure: "
        "{orphan_lesions}, {orphan_complications}.",
        lang,
        included=counts.procedures_included,
        procedures=procedures_text(counts.procedures_in_input, lang),
        lesions_included=counts.lesions_included,
        lesions=lesions_text(counts.lesions_in_input, lang),
        complications_included=counts.complications_included,
        complications=complications_text(counts.complications_in_input, lang),
        orphan_lesions=lesions_text(counts.lesions_without_procedure, lang),
        orphan_complications=complications_text(counts.complications_without_procedure, lang),
    )
    blocks: list[Block] = [Note("countedText", analysed)]
    if counts.exclusions:
        rows = []
        for exclusion in counts.exclusions:
            ids = exclusion.study_ids
            shown = ", ".join(ids[:SHOWN_IDS])
            if len(ids) > SHOWN_IDS:
                shown += " " + say("and {more} more", lang, more=len(ids) - SHOWN_IDS)
            rows.append([said(exclusion.reason, lang), str(exclusion.procedures), shown])
        headers = [say("Left out because", lang), say("Procedures", lang), say("Study IDs", lang)]
        blocks.append(Table("exclusionsTable", headers, rows, (0.42, 0.12, 0.46)))
    return Section("counted", say("What is counted", lang), blocks)


def flow(report: TrialReport, lang: str) -> Section:
    steps, margins = report.flow, report.margins
    boxes = [
        FlowStep(
            [
                say("Procedures in the data: {count}", lang, count=steps.procedures_in_input),
                say("Patients enrolled: {count}", lang, count=steps.enrolled),
            ],
            [
                say("Left out: {count}", lang, count=steps.procedures_left_out),
                say("Withdrawn: {count}", lang, count=steps.withdrawn),
                say("Excluded: {count}", lang, count=steps.excluded),
                say("Not operated: {count}", lang, count=steps.not_operated),
            ],
        ),
        FlowStep(
            [
                say("Patients analysed: {count}", lang, count=steps.patients),
                say("Lesions: {count}", lang, count=steps.lesions),
            ],
            [
                say("Ablated: {count}", lang, count=steps.ablated),
                say("Not treated: {count}", lang, count=steps.not_treated),
                say("Two-stage procedure: {count}", lang, count=steps.two_stage),
            ],
        ),
        FlowStep(
            [say("Lesions resected: {count}", lang, count=steps.resected)],
            [
                say("Other malignancy: {count}", lang, count=steps.other_malignancy),
                say("Benign: {count}", lang, count=steps.benign),
                say("Histology not recorded: {count}", lang, count=steps.histology_missing),
            ],
        ),
        FlowStep(
            [say("Confirmed CRLM: {count}", lang, count=steps.crlm)],
            [
                say("Vascular R1 (intended): {count}", lang, count=steps.vascular_r1),
                say("Margin not recorded: {count}", lang, count=steps.margin_missing),
            ],
        ),
        FlowStep(
            [
                say("CRLM in the R0 rate: {count}", lang, count=steps.r0_analysis),
                say(
                    "Initial resection: R0 {r0} ({percent}), R1 {r1}",
                    lang,
                    r0=steps.r0_before,
                    percent=percent(margins.r0_before, lang),
                    r1=steps.r1_before,
                ),
            ],
            [
                say("R1 with the fluorescent cavity re-resected: {count}", lang, count=steps.r1_reresected),
                say("converted to R0: {count}", lang, count=steps.r1_converted),
            ],
        ),
        FlowStep(
            [
                say(
                    "After re-resection: R0 {r0} ({percent}), R1 {r1}",
                    lang,
                    r0=steps.r0_after,
                    percent=percent(margins.r0_after, lang),
                    r1=steps.r1_after,
                )
            ]
        ),
    ]
    return Section(
        "flow", say("From inclusion to R0 before and after re-resection", lang), [FlowChart("flowChart", boxes)]
    )


def contingency(report: TrialReport, lang: str) -> Section:
    diagnostic = report.diagnostic
    table = diagnostic.contingency
    labels = {
        "vascular_r1": say("Vascular R1", lang),
        "parenchymal_r1": say("Parenchymal R1", lang),
        "r1_type_missing": say("R1, type not recorded", lang),
        "r0": say("R0", lang),
    }
    columns = contingency_keys(table.total)
    headers = [say("Specimen side (ICG)", lang), *(labels[key] for key in columns), say("Total", lang)]
    rows = [
        [say("Fluorescent (suspected R1)", lang), *contingency_cells(table.fluorescent, columns, lang)],
        [say("Clear (suspected R0)", lang), *contingency_cells(table.clear, columns, lang)],
        [say("Total", lang), *contingency_cells(table.total, columns, lang)],
    ]
    share = 0.72 / (len(columns) + 1)
    note = say(
        "Resected lesions confirmed as CRLM: {crlm}; left out for want of the specimen fluorescence or the margin: "
        "{left_out}. TP {tp}, FP {fp}, FN {fn}, TN {tn}.",
        lang,
        crlm=diagnostic.crlm_resected,
        left_out=diagnostic.not_assessable,
        tp=table.true_positive,
        fp=table.false_positive,
        fn=table.false_negative,
        tn=table.true_negative,
    )
    return Section(
        "contingency",
        say("Table 2: specimen fluorescence against the histological margin", lang),
        [
            Table("contingencyTable", headers, rows, (0.28, *[share] * (len(columns) + 1))),
            Note("contingencyNote", note),
        ],
    )


def accuracy(report: TrialReport, lang: str) -> Section:
    diagnostic = report.diagnostic
    every, parenchymal = diagnostic.accuracy, diagnostic.accuracy_without_vascular_r1
    names = accuracy_names(lang)

    def proportion_of(part: Accuracy, key: str) -> str:
        return with_interval(getattr(part, key), lang)

    def clustered_of(part: Accuracy, key: str) -> str:
        return clustered_text(getattr(part.by_patient, key), lang)

    rows = [[name, proportion_of(every, key), proportion_of(parenchymal, key)] for key, name in names.items()]
    rows += [
        [
            say("{figure}, patients as clusters", lang, figure=name),
            clustered_of(every, key),
            clustered_of(parenchymal, key),
        ]
        for key, name in names.items()
    ]
    rows.append([say("AUROC", lang), area(every.auroc, lang), area(parenchymal.auroc, lang)])
    headers = [
        "",
        say("Every R1 counts ({lesions})", lang, lesions=lesions_text(every.lesions, lang)),
        say("Vascular R1 left out ({lesions})", lang, lesions=lesions_text(parenchymal.lesions, lang)),
    ]
    roc = every.auroc
    explained = say(
        "Specimen fluorescence is a yes/no test, so the curve has one cut-off: a fluorescent parenchymal side "
        "predicts R1. AUROC {area}, from {positives} R1 and {negatives} R0 lesions.",
        lang,
        area=area(roc, lang),
        positives=roc.positives,
        negatives=roc.negatives,
    )
    chart = RocChart(
        "rocChart",
        roc.points,
        say("AUROC {area}", lang, area=area(roc, lang)),
        say("1 − specificity", lang),
        say("Sensitivity", lang),
        decimal_mark(lang),
    )
    return Section(
        "accuracy",
        say("Diagnostic accuracy of specimen fluorescence for R1", lang),
        [Table("accuracyTable", headers, rows, (0.16, 0.42, 0.42)), chart, Note("rocNote", explained)],
    )


def margins(report: TrialReport, lang: str) -> Section:
    shown = report.margins
    again = shown.reresections
    rows = [
        (say("Confirmed CRLM with a margin", lang), str(shown.crlm_with_margin)),
        (say("R1 at the initial resection", lang), count_of(shown.r1_initial, lang)),
        (
            say("Of the R1", lang),
            say(
                "vascular {vascular}, parenchymal {parenchymal}",
                lang,
                vascular=count_of(shown.vascular_of_r1, lang),
                parenchymal=count_of(shown.parenchymal_of_r1, lang),
            ),
        ),
        (say("In the R0 rates (vascular R1 left out)", lang), str(shown.lesions)),
        (say("R0 before re-resection", lang), with_interval(shown.r0_before, lang)),
        (say("R0 after re-resection", lang), with_interval(shown.r0_after, lang)),
        (
            say("Patients as clusters", lang),
            say(
                "before {before}, after {after}",
                lang,
                before=clustered_text(shown.r0_before_by_patient, lang),
                after=clustered_text(shown.r0_after_by_patient, lang),
            ),
        ),
        (say("Change", lang), change_text(shown.r0_change, lang)),
        (say("McNemar's test", lang), mcnemar_text(shown, lang)),
        (
            say("Cavity re-resections", lang),
            say(
                "{total}; on R1 {on_r1}, converted to R0 {converted} ({converted_of_all} of all re-resections), no "
                "tumour in the extra tissue {clear}; on R0 already {on_r0}",
                lang,
                total=again.total,
                on_r1=again.on_r1,
                converted=count_of(again.converted_to_r0, lang),
                converted_of_all=count_of(again.converted_of_all, lang),
                clear=again.no_tumour_in_extra_tissue,
                on_r0=count_of(again.on_r0, lang),
            ),
        ),
    ]
    return Section(
        "margins",
        say("R0 rate before and after re-resection of a fluorescent cavity", lang),
        [facts("marginsTable", rows, lang)],
    )


def management(report: TrialReport, lang: str) -> Section:
    changes = report.management
    headers = [
        say("Change", lang),
        say("Patients (of {count})", lang, count=changes.patients),
        say("Resections of confirmed CRLM (of {count})", lang, count=changes.crlm_resections),
    ]
    rows = [
        [say("Any of the three", lang), count_of(changes.any_change, lang), DASH],
        [
            say("Transection plane adapted", lang),
            count_of(changes.patients_plane_adapted, lang),
            count_of(changes.plane_adapted, lang),
        ],
        [
            say("Fluorescent cavity re-resected", lang),
            count_of(changes.patients_cavity_reresection, lang),
            count_of(changes.cavity_reresection, lang),
        ],
        [
            say("Occult lesion, extended or additional resection", lang),
            count_of(changes.patients_occult_extended, lang),
            lesions_text(changes.occult_extended_lesions, lang),
        ],
    ]
    return Section(
        "management",
        say("Changes in surgical management", lang),
        [Table("managementTable", headers, rows, (0.4, 0.3, 0.3))],
    )


def occult(report: TrialReport, lang: str) -> Section:
    found = report.occult
    rows = [
        (
            say("Occult lesions found", lang),
            say("{count}, resected {resected}", lang, count=found.lesions, resected=found.resected),
        ),
        (say("Confirmed CRLM", lang), with_interval(found.confirmed_crlm, lang)),
        (say("Patients with an occult lesion", lang), count_of(found.patients_with_occult, lang)),
        (say("Patients with additional CRLM", lang), with_interval(found.patients_with_additional_crlm, lang)),
        *_detection(report, lang),
    ]
    return Section("occult", say("Occult lesions", lang), [facts("occultTable", rows, lang)])


def _detection(report: TrialReport, lang: str) -> list[tuple[str, str]]:
    """ICG for the detection of additional lesions (eFigure 2), from the modalities each lesion was seen with."""
    found = report.detection
    cells = say(
        "TP {tp}, FP {fp}, FN {fn}, TN {tn} (modalities not recorded: {missing})",
        lang,
        tp=found.true_positive,
        fp=found.false_positive,
        fn=found.false_negative,
        tn=found.true_negative,
        missing=found.not_assessable,
    )
    return [
        (say("Seen with ICG, against histology", lang), cells),
        *(
            (say("{figure} of ICG for additional CRLM", lang, figure=name), with_interval(getattr(found, key), lang))
            for key, name in accuracy_names(lang).items()
        ),
        (say("AUROC of ICG for additional CRLM", lang), area(found.auroc, lang)),
    ]


def learning(report: TrialReport, lang: str) -> Section:
    curve = report.learning_curve
    rows = [
        (
            say("Procedures 1 to {threshold} of their centre", lang, threshold=curve.threshold),
            str(curve.procedures_learning),
        ),
        (say("Later procedures", lang), str(curve.procedures_experienced)),
        (say("R1 rate, learning phase", lang), with_interval(curve.r1_learning, lang)),
        (say("R1 rate, later", lang), with_interval(curve.r1_experienced, lang)),
        (say("R1 rates compared", lang), p_with_test(curve.r1_comparison, lang)),
        (say("Without a date of surgery", lang), str(curve.procedures_undated)),
    ]
    odds_rows = [
        [among, event, *odds_cells(ratio, lang)]
        for ratio, among, event in (
            (curve.r1_detected, say("Histological R1", lang), say("Fluorescent specimen", lang)),
            (curve.false_positives, say("Fluorescent specimens", lang), say("Histological R0", lang)),
            (curve.occult_confirmed, say("Resected occult lesions", lang), say("Confirmed CRLM", lang)),
        )
    ]
    headers = [
        say("Among", lang),
        say("Event", lang),
        say("Later (events/others)", lang),
        say("Learning phase (events/others)", lang),
        say("Odds ratio (95% CI)", lang),
        say("p", lang),
    ]
    curve_chart = RateChart(
        "learningChart",
        say("R1 rate per block of procedures, by their number within their centre (95% CI)", lang),
        say("Procedure number within the centre, prior procedures counted", lang),
        say("R1 rate", lang),
        [
            Rate(f"{block.first}–{block.last}", block.r1.value, block.r1.ci_low, block.r1.ci_high)
            for block in curve.by_block
        ],
    )
    blocks_rows = [
        [f"{block.first}–{block.last}", str(block.procedures), with_interval(block.r1, lang)]
        for block in curve.by_block
    ]
    blocks_headers = [say("Procedure numbers", lang), say("Procedures", lang), say("R1 rate", lang)]
    centre_rows = [
        [
            centre.centre,
            str(centre.prior_procedures),
            str(centre.procedures_learning),
            str(centre.procedures_experienced),
        ]
        for centre in curve.centres
    ]
    centre_headers = [
        say("Centre", lang),
        say("Procedures before the trial", lang),
        say("Learning phase", lang),
        say("Later", lang),
    ]
    return Section(
        "learning",
        say(
            "Learning curve: a centre's first {threshold} procedures against the later ones",
            lang,
            threshold=curve.threshold,
        ),
        [
            facts("learningTable", rows, lang),
            Table("learningCentresTable", centre_headers, centre_rows, (0.2, 0.3, 0.25, 0.25)),
            Table("oddsRatioTable", headers, odds_rows, (0.19, 0.17, 0.15, 0.15, 0.24, 0.1)),
            Table("learningBlocksTable", blocks_headers, blocks_rows, (0.25, 0.2, 0.55)),
            curve_chart,
        ],
    )


def neoadjuvant(report: TrialReport, lang: str) -> Section:
    groups = report.neoadjuvant
    without, treated = groups.without_chemotherapy, groups.with_chemotherapy
    rows = [
        [say("Patients", lang), str(without.patients), str(treated.patients)],
        [
            say("Initial R0 (confirmed CRLM)", lang),
            with_interval(without.initial_r0, lang),
            with_interval(treated.initial_r0, lang),
        ],
    ]
    for key, name in accuracy_names(lang).items():
        rows.append(
            [
                name,
                with_interval(getattr(without.diagnostic.accuracy, key), lang),
                with_interval(getattr(treated.diagnostic.accuracy, key), lang),
            ]
        )
    rows.append(
        [
            say("AUROC", lang),
            area(without.diagnostic.accuracy.auroc, lang),
            area(treated.diagnostic.accuracy.auroc, lang),
        ]
    )
    headers = ["", say("Without neoadjuvant chemotherapy", lang), say("With neoadjuvant chemotherapy", lang)]
    comparison = groups.initial_r0_comparison
    note = say(
        "Initial R0 rates compared: {p} ({method}). Patients without the answer recorded: {unknown}.",
        lang,
        p=p_text(comparison, lang),
        method=said(comparison.method, lang),
        unknown=groups.unknown_patients,
    )
    return Section(
        "neoadjuvant",
        say("Subgroups: neoadjuvant chemotherapy", lang),
        [Table("neoadjuvantTable", headers, rows, (0.24, 0.38, 0.38)), Note("neoadjuvantNote", note)],
    )


def enrolment(report: TrialReport, lang: str) -> Section:
    headers = [
        say("Centre", lang),
        say("Patients", lang),
        say("Lesions", lang),
        say("Confirmed CRLM", lang),
        say("First surgery", lang),
        say("Last surgery", lang),
    ]
    rows = [enrolment_cells(centre) for centre in report.enrolment]
    bars = [(say("Centre {centre}", lang, centre=centre.centre), centre.patients) for centre in report.enrolment]
    return Section(
        "enrolment",
        say("Enrolment per centre", lang),
        [
            Table("enrolmentTable", headers, rows, (0.14, 0.14, 0.14, 0.18, 0.2, 0.2)),
            BarChart("enrolmentChart", say("Patients analysed per centre", lang), bars),
        ],
    )


def complications(report: TrialReport, lang: str) -> Section:
    worst = report.complications
    rows = [
        (say("No complication", lang), count_of(worst.none, lang)),
        (say("Clavien-Dindo I-II (worst)", lang), count_of(worst.low_grade, lang)),
        (say("Clavien-Dindo IIIa or higher (worst)", lang), count_of(worst.high_grade, lang)),
        (say("Deaths (grade V)", lang), str(worst.deaths)),
        (say("Started after 90 days (not counted)", lang), str(worst.late_left_out)),
        (say("Without a grade", lang), str(worst.grade_missing)),
    ]
    return Section(
        "complications",
        say("Complications within 90 days, per patient", lang),
        [facts("complicationsTable", rows, lang)],
    )


def questionnaire(report: TrialReport, lang: str) -> Section:
    answers = report.questionnaire

    def median(value: float | None) -> str:
        # A median of whole answers is whole or halfway between two.
        return DASH if value is None else decimal(value, 0 if value.is_integer() else 1, lang)

    def continues(value: bool | None) -> str:
        return DASH if value is None else say("yes", lang) if value else say("no", lang)

    rows = [
        (say("Surgeons", lang), str(answers.surgeons)),
        (
            say("Questionnaires", lang),
            say(
                "{count} (without a surgeon, left out: {left_out})",
                lang,
                count=answers.questionnaires,
                left_out=answers.without_surgeon,
            ),
        ),
        (say("Surgeons who keep using ICG", lang), with_interval(answers.continuing, lang)),
    ]
    item_rows = [
        [field_def(item.item).text(lang), median(item.median), with_interval(item.agreeing, lang)]
        for item in answers.items
    ]
    item_headers = [
        say("Question (1-5)", lang),
        say("Median of the surgeons", lang),
        say("Surgeons answering 4 or 5", lang),
    ]
    surgeon_rows = [
        [
            row.surgeon,
            row.centre,
            str(row.questionnaires),
            median(row.q_usefulness),
            median(row.q_margin_realtime),
            median(row.q_image_quality),
            median(row.q_benign_malignant),
            continues(row.continues),
        ]
        for row in answers.by_surgeon
    ]
    surgeon_headers = [
        say("Surgeon", lang),
        say("Centre", lang),
        say("Questionnaires", lang),
        say("Usefulness", lang),
        say("Real-time margin", lang),
        say("Image quality", lang),
        say("Benign vs malignant", lang),
        say("Keeps using ICG", lang),
    ]
    return Section(
        "questionnaire",
        say("Surgeon questionnaire, per surgeon", lang),
        [
            facts("questionnaireTable", rows, lang),
            Table("questionnaireItemsTable", item_headers, item_rows, (0.5, 0.2, 0.3)),
            Table("surgeonsTable", surgeon_headers, surgeon_rows, (0.1, 0.1, 0.14, 0.12, 0.12, 0.12, 0.14, 0.16)),
            Note("questionnaireNote", said(answers.method, lang)),
        ],
    )


def methods(report: TrialReport, lang: str) -> Section:
    every = report.diagnostic.accuracy
    lines = [
        say("Per lesion on resected CRLM confirmed by histology; R1 is a margin under 1 mm.", lang),
        say("Proportions: 95% confidence intervals by the Wilson score method.", lang),
        say("AUROC: {method}.", lang, method=every.auroc.method),
        say("R0 before against after: {method}.", lang, method=report.margins.mcnemar.method),
        say("Change in the R0 rate: {method}.", lang, method=report.margins.r0_change.method),
        # The clustered intervals' method names itself ("Patients as clusters: ..."): said once, not twice.
        f"{said(every.by_patient.sensitivity.method, lang)}.",
        say(
            "Odds ratios: {method}; when a cell of the table is empty, a penalised odds ratio (0.5 added to each "
            "cell, Firth's estimate for a 2x2 table) with Fisher's exact test.",
            lang,
            method=said(report.learning_curve.r1_detected.method, lang),
        ),
        say(
            "Two proportions: Pearson's chi-square without continuity correction, or Fisher's exact test when an "
            "expected count is under 5.",
            lang,
        ),
        say("A figure with an empty denominator is 'not estimable' rather than a number.", lang),
    ]
    return Section("methods", say("Methods", lang), [Note(f"method{index}", line) for index, line in enumerate(lines)])


def fluorescence_ratio(report: TrialReport, lang: str) -> Section | None:
    """The ratio measured on near-infrared frames beside the binary call; no section when nothing was measured."""
    ratio = report.fluorescence_ratio
    if ratio is None:
        return None

    def spread(part: Spread) -> str:
        if part.median is None or part.q1 is None or part.q3 is None:
            return "—"
        return say(
            "{median} (IQR {q1}–{q3})",
            lang,
            median=decimal(part.median, 2, lang),
            q1=decimal(part.q1, 2, lang),
            q3=decimal(part.q3, 2, lang),
        )

    rows = [
        [say("Histological R1", lang), str(ratio.r1.lesions), spread(ratio.r1)],
        [say("Histological R0", lang), str(ratio.r0.lesions), spread(ratio.r0)],
    ]
    cutoff = "—" if ratio.cutoff is None else decimal(ratio.cutoff, 2, lang)
    facts_rows = [
        (say("AUROC of the ratio for R1", lang), area(ratio.auroc, lang)),
        (say("AUROC of the binary call (fluorescent or clear), same lesions", lang), area(ratio.binary_auroc, lang)),
        (say("Cut-off (Youden): ratio at or above it called R1", lang), cutoff),
        (say("Sensitivity at the cut-off", lang), with_interval(ratio.sensitivity, lang)),
        (say("Specificity at the cut-off", lang), with_interval(ratio.specificity, lang)),
        (say("Lesions without a ratio (left out here)", lang), str(ratio.without_ratio)),
    ]
    headers = [say("Margin", lang), say("Lesions", lang), say("Ratio, median (IQR)", lang)]
    charts = [
        RocChart(
            "sbrRocChart",
            ratio.auroc.points,
            say("Ratio: AUROC {area}", lang, area=area(ratio.auroc, lang)),
            say("1 − specificity", lang),
            say("Sensitivity", lang),
            decimal_mark(lang),
        ),
        RocChart(
            "sbrBinaryRocChart",
            ratio.binary_auroc.points,
            say("Binary call: AUROC {area}", lang, area=area(ratio.binary_auroc, lang)),
            say("1 − specificity", lang),
            say("Sensitivity", lang),
            decimal_mark(lang),
        ),
    ]
    notes = [
        Note("sbrCalibration", say("The ratios are {words}.", lang, words=said(ratio.calibration, lang))),
        Note("sbrSpreadMethod", say("Median and IQR: {method}.", lang, method=said(ratio.spread_method, lang))),
        Note("sbrCutoffMethod", say("Cut-off: {method}.", lang, method=said(ratio.cutoff_method, lang))),
        Note("sbrAurocMethod", say("AUROC: {method}.", lang, method=said(ratio.auroc.method, lang))),
    ]
    return Section(
        "fluorescenceRatio",
        say("Signal-to-background ratio on near-infrared frames for R1", lang),
        [
            Table("sbrTable", headers, rows, (0.4, 0.2, 0.4)),
            facts("sbrFacts", facts_rows, lang),
            *charts,
            *notes,
        ],
    )


SECTIONS = (
    counted,
    flow,
    contingency,
    accuracy,
    fluorescence_ratio,
    margins,
    management,
    occult,
    learning,
    neoadjuvant,
    enrolment,
    complications,
    questionnaire,
    methods,
)


def sections(report: TrialReport, lang: str = "en") -> list[Section]:
    """Every section of the report, top to bottom, in lang."""
    made = (section(report, lang) for section in SECTIONS)
    return [section for section in made if section is not None]


def chart_svg(chart: Chart, width: float) -> bytes:
    """The chart as the PDF draws it, as SVG (for the window, which shows it through QtSvg)."""
    from ..reports.trial_charts import drawing, svg

    return svg(drawing(chart, width))
