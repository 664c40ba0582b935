"""The trial report as a PDF, from the report's plain data (the keys documented in docs/trial-report.md).

The figures come computed; this module only lays them out: what is counted, the flow from inclusion
to R0, Table 2, the accuracy with its ROC curve, the R0 rates, changes in management, occult
lesions, the learning curve, the subgroups, enrolment per centre and complications (in English).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import fonts
from .layout import Flowable, Running, Story, build, content_width, grid, heading, para, text, when
from .trial_charts import FlowStep, bars_drawing, flow_drawing, roc_drawing

TITLE = "Trial report"
ROC_SIZE = 220.0
SHOWN_IDS = 12
DASH = "–"
ACCURACY = (("sensitivity", "Sensitivity"), ("specificity", "Specificity"), ("ppv", "PPV"), ("npv", "NPV"))


def percent(share: dict[str, Any]) -> str:
    return DASH if share["value"] is None else f"{share['value'] * 100:.1f}%"


def count_of(share: dict[str, Any]) -> str:
    """'32/53 (60.4%)', or the note when there is no value."""
    if share["value"] is None:
        return str(share["note"])
    return f"{share['count']}/{share['total']} ({percent(share)})"


def interval(share: dict[str, Any], scale: float = 100, digits: int = 1) -> str:
    if share["ci_low"] is None:
        return DASH
    return f"{share['ci_low'] * scale:.{digits}f}–{share['ci_high'] * scale:.{digits}f}"


def clustered_text(share: dict[str, Any]) -> str:
    """A proportion's interval with lesions clustered within patients: '95% CI 45.1-75.0%'."""
    return str(share["note"]) if share["ci_low"] is None else f"95% CI {interval(share)}%"


def with_interval(share: dict[str, Any]) -> str:
    if share["value"] is None:
        return str(share["note"])
    return f"{count_of(share)}; 95% CI {interval(share)}%"


def p_text(test: dict[str, Any]) -> str:
    if test["p_value"] is None:
        return str(test["note"])
    return "p < 0.001" if test["p_value"] < 0.001 else f"p = {test['p_value']:.3f}"


def test_text(test: dict[str, Any]) -> str:
    """A p-value with the test that gave it: 'p = 0.130 (Pearson's chi-square test without continuity correction)'."""
    return p_text(test) if test["p_value"] is None else f"{p_text(test)} ({test['method']})"


def mcnemar_text(margins: dict[str, Any]) -> str:
    """McNemar's test of R0 before against after re-resection, with the discordant lesions it counts."""
    return f"{p_text(margins['mcnemar'])} (R1 to R0: {margins['r1_to_r0']}, R0 to R1: {margins['r0_to_r1']})"


def area(auroc: dict[str, Any]) -> str:
    if auroc["value"] is None:
        return str(auroc["note"])
    shown = f"{auroc['value']:.3f} (95% CI {interval(auroc, 1, 3)})"
    return f"{shown}; {auroc['note']}" if auroc["note"] else shown


def change_figures(difference: dict[str, Any]) -> tuple[str, str, str]:
    """The change in a rate and its interval's bounds, in signed percentage points ('+12.3', '+6.1', '+18.5')."""
    value, low, high = (f"{difference[key] * 100:+.1f}" for key in ("value", "ci_low", "ci_high"))
    return value, low, high


def change_text(difference: dict[str, Any]) -> str:
    """The change in a rate on the same cases: '+12.3 percentage points (95% CI +6.1 to +18.5)'."""
    if difference["value"] is None:
        return str(difference["note"])
    value, low, high = change_figures(difference)
    return f"{value} percentage points (95% CI {low} to {high})"


def odds(ratio: dict[str, Any]) -> str:
    if ratio["value"] is None:
        return str(ratio["note"])
    return f"{ratio['value']:.2f} ({interval(ratio, 1, 2)})"


def contingency_keys(contingency: dict[str, Any]) -> list[str]:
    """The columns of Table 2: R1 without its type recorded only when there is such a lesion."""
    missing = ["r1_type_missing"] if contingency["total"]["r1_type_missing"] else []
    return ["vascular_r1", "parenchymal_r1", *missing, "r0"]


def contingency_cells(row: dict[str, Any], keys: list[str]) -> list[str]:
    """One row of Table 2: each count with its share of the row, then the row's total."""
    shares = [f"{row[key]} ({row[key] / row['total'] * 100:.1f}%)" if row["total"] else "0" for key in keys]
    return [*shares, str(row["total"])]


def odds_cells(ratio: dict[str, Any]) -> list[str]:
    """Events/others in the group and in the reference group, the odds ratio with its interval, and p."""
    return [
        f"{ratio['group_events']}/{ratio['group_others']}",
        f"{ratio['reference_events']}/{ratio['reference_others']}",
        odds(ratio),
        DASH if ratio["p_value"] is None else f"{ratio['p_value']:.3f}",
    ]


def enrolment_cells(centre: dict[str, Any]) -> list[str]:
    """A centre's row: code, patients, lesions, confirmed CRLM, first and last surgery."""
    first, last = centre["first_surgery"] or DASH, centre["last_surgery"] or DASH
    return [
        centre["centre"],
        str(centre["patients"]),
        str(centre["lesions"]),
        str(centre["confirmed_crlm"]),
        first,
        last,
    ]


def facts(items: list[tuple[str, str]]) -> Flowable:
    """Label and value, one pair to a row across the page."""
    width = content_width()
    return grid(
        [[para(text(label), "head"), value] for label, value in items], [width * 0.34, width * 0.66], header=False
    )


def side_by_side(left: Flowable, right: Story) -> Flowable:
    """A figure with its explanation beside it."""
    from reportlab.platypus import Table, TableStyle

    width = content_width()
    table = Table([[left, right]], colWidths=[ROC_SIZE + 10, width - ROC_SIZE - 10], hAlign="LEFT")
    style = [("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    table.setStyle(TableStyle([*style, ("LEFTPADDING", (0, 0), (0, 0), 0)]))
    return table


def _counted(report: dict[str, Any]) -> Story:
    counted, width = report["counted"], content_width()
    story = [
        heading("What is counted"),
        para(
            text(
                f"{counted['procedures_included']} of {counted['procedures_in_input']} procedures analysed, one per "
                f"patient; {counted['lesions_included']} of {counted['lesions_in_input']} lesions and "
                f"{counted['complications_included']} of {counted['complications_in_input']} complications go with "
                f"them. Rows whose session has no procedure: {counted['lesions_without_procedure']} lesions, "
                f"{counted['complications_without_procedure']} complications."
            ),
            "body",
        ),
    ]
    if counted["exclusions"]:
        rows = [["Left out because", "Procedures", "Study IDs"]]
        for exclusion in counted["exclusions"]:
            ids = exclusion["study_ids"]
            shown = ", ".join(ids[:SHOWN_IDS]) + (f" and {len(ids) - SHOWN_IDS} more" if len(ids) > SHOWN_IDS else "")
            rows.append([exclusion["reason"], str(exclusion["procedures"]), shown])
        story.append(grid(rows, [width * 0.42, width * 0.12, width * 0.46]))
    return story


def _flow(report: dict[str, Any]) -> Story:
    flow, margins = report["flow"], report["margins"]
    steps = [
        FlowStep(
            [f"Procedures in the data: {flow['procedures_in_input']}", f"Patients enrolled: {flow['enrolled']}"],
            [
                f"Left out: {flow['procedures_left_out']}",
                f"Withdrawn: {flow['withdrawn']}",
                f"Excluded: {flow['excluded']}",
                f"Not operated: {flow['not_operated']}",
            ],
        ),
        FlowStep(
            [f"Patients analysed: {flow['patients']}", f"Lesions: {flow['lesions']}"],
            [
                f"Ablated: {flow['ablated']}",
                f"Not treated: {flow['not_treated']}",
                f"Two-stage procedure: {flow['two_stage']}",
            ],
        ),
        FlowStep(
            [f"Lesions resected: {flow['resected']}"],
            [
                f"Other malignancy: {flow['other_malignancy']}",
                f"Benign: {flow['benign']}",
                f"Histology not recorded: {flow['histology_missing']}",
            ],
        ),
        FlowStep(
            [f"Confirmed CRLM: {flow['crlm']}"],
            [f"Vascular R1 (intended): {flow['vascular_r1']}", f"Margin not recorded: {flow['margin_missing']}"],
        ),
        FlowStep(
            [
                f"CRLM in the R0 rate: {flow['r0_analysis']}",
                f"Initial resection: R0 {flow['r0_before']} ({percent(margins['r0_before'])}), R1 {flow['r1_before']}",
            ],
            [
                f"R1 with the fluorescent cavity re-resected: {flow['r1_reresected']}",
                f"converted to R0: {flow['r1_converted']}",
            ],
        ),
        FlowStep(
            [f"After re-resection: R0 {flow['r0_after']} ({percent(margins['r0_after'])}), R1 {flow['r1_after']}"]
        ),
    ]
    return [heading("From inclusion to R0 before and after re-resection"), flow_drawing(steps, content_width())]


def _contingency(report: dict[str, Any]) -> Story:
    diagnostic = report["diagnostic"]
    table, width = diagnostic["contingency"], content_width()
    labels = {
        "vascular_r1": "Vascular R1",
        "parenchymal_r1": "Parenchymal R1",
        "r1_type_missing": "R1, type not recorded",
        "r0": "R0",
    }
    columns = contingency_keys(table)
    rows = [["Specimen side (ICG)", *(labels[key] for key in columns), "Total"]]
    rows += [
        ["Fluorescent (suspected R1)", *contingency_cells(table["fluorescent"], columns)],
        ["Clear (suspected R0)", *contingency_cells(table["clear"], columns)],
        ["Total", *contingency_cells(table["total"], columns)],
    ]
    share = 0.72 / (len(columns) + 1)
    note = (
        f"Resected lesions confirmed as CRLM: {diagnostic['crlm_resected']}; left out for want of the specimen "
        f"fluorescence or the margin: {diagnostic['not_assessable']}. TP {table['true_positive']}, "
        f"FP {table['false_positive']}, FN {table['false_negative']}, TN {table['true_negative']}."
    )
    return [
        heading("Table 2: specimen fluorescence against the histological margin"),
        grid(rows, [width * 0.28] + [width * share] * (len(columns) + 1)),
        para(text(note), "small"),
    ]


def _accuracy(report: dict[str, Any]) -> Story:
    diagnostic, width = report["diagnostic"], content_width()
    every, parenchymal = diagnostic["accuracy"], diagnostic["accuracy_without_vascular_r1"]
    rows = [["", f"Every R1 counts ({every['lesions']} lesions)", f"Vascular R1 left out ({parenchymal['lesions']})"]]
    rows += [[label, with_interval(every[key]), with_interval(parenchymal[key])] for key, label in ACCURACY]
    rows += [
        [
            f"{label}, patients as clusters",
            clustered_text(every["by_patient"][key]),
            clustered_text(parenchymal["by_patient"][key]),
        ]
        for key, label in ACCURACY
    ]
    rows.append(["AUROC", area(every["auroc"]), area(parenchymal["auroc"])])
    roc = every["auroc"]
    table = diagnostic["contingency"]
    cells = [
        ["", "Histological R1", "Histological R0"],
        ["Fluorescent", f"TP {table['true_positive']}", f"FP {table['false_positive']}"],
        ["Clear", f"FN {table['false_negative']}", f"TN {table['true_negative']}"],
    ]
    explained = [
        grid(cells, [60, 70, 70]),
        para(
            text(
                "Specimen fluorescence is a yes/no test, so the curve has one cut-off: a fluorescent parenchymal "
                f"side predicts R1. AUROC {area(roc)}, from {roc['positives']} R1 and {roc['negatives']} R0 lesions."
            ),
            "small",
        ),
    ]
    return [
        heading("Diagnostic accuracy of specimen fluorescence for R1"),
        grid(rows, [width * 0.16, width * 0.42, width * 0.42]),
        side_by_side(roc_drawing(roc["points"], "ROC curve, every R1 counts", ROC_SIZE), explained),
    ]


def _margins(report: dict[str, Any]) -> Story:
    margins = report["margins"]
    reresections = margins["reresections"]
    before, after = margins["r0_before"], margins["r0_after"]
    items = [
        ("Confirmed CRLM with a margin", str(margins["crlm_with_margin"])),
        ("R1 at the initial resection", count_of(margins["r1_initial"])),
        (
            "Of the R1",
            f"vascular {count_of(margins['vascular_of_r1'])}, parenchymal {count_of(margins['parenchymal_of_r1'])}",
        ),
        ("In the R0 rates (vascular R1 left out)", str(margins["lesions"])),
        ("R0 before re-resection", with_interval(before)),
        ("R0 after re-resection", with_interval(after)),
        (
            "Patients as clusters",
            f"before {clustered_text(margins['r0_before_by_patient'])}, "
            f"after {clustered_text(margins['r0_after_by_patient'])}",
        ),
        ("Change", change_text(margins["r0_change"])),
        ("McNemar's test", mcnemar_text(margins)),
        (
            "Cavity re-resections",
            f"{reresections['total']}; on R1 {reresections['on_r1']}, converted to R0 "
            f"{count_of(reresections['converted_to_r0'])} ({count_of(reresections['converted_of_all'])} of all), "
            f"no tumour in the extra tissue "
            f"{reresections['no_tumour_in_extra_tissue']}; on R0 already {count_of(reresections['on_r0'])}",
        ),
    ]
    return [heading("R0 rate before and after re-resection of a fluorescent cavity"), facts(items)]


def _management(report: dict[str, Any]) -> Story:
    management, occult, width = report["management"], report["occult"], content_width()
    rows = [
        [
            "Change",
            f"Patients (of {management['patients']})",
            f"Resections of confirmed CRLM (of {management['crlm_resections']})",
        ],
        ["Any of the three", count_of(management["any_change"]), DASH],
        [
            "Transection plane adapted",
            count_of(management["patients_plane_adapted"]),
            count_of(management["plane_adapted"]),
        ],
        [
            "Fluorescent cavity re-resected",
            count_of(management["patients_cavity_reresection"]),
            count_of(management["cavity_reresection"]),
        ],
        [
            "Occult lesion, extended or additional resection",
            count_of(management["patients_occult_extended"]),
            f"{management['occult_extended_lesions']} lesions",
        ],
    ]
    items = [
        ("Occult lesions found", f"{occult['lesions']}, resected {occult['resected']}"),
        ("Confirmed CRLM", with_interval(occult["confirmed_crlm"])),
        ("Patients with an occult lesion", count_of(occult["patients_with_occult"])),
        ("Patients with additional CRLM", with_interval(occult["patients_with_additional_crlm"])),
        *_detection(report["detection"]),
    ]
    return [
        heading("Changes in surgical management"),
        grid(rows, [width * 0.4, width * 0.3, width * 0.3]),
        heading("Occult lesions"),
        facts(items),
    ]


def _detection(detection: dict[str, Any]) -> list[tuple[str, str]]:
    """ICG for the detection of additional lesions (eFigure 2), from the modalities each lesion was seen with."""
    cells = ", ".join(
        f"{name} {detection[key]}"
        for name, key in (("TP", "true_positive"), ("FP", "false_positive"), ("FN", "false_negative"))
    )
    return [
        (
            "Seen with ICG, against histology",
            f"{cells}, TN {detection['true_negative']} (modalities not recorded: {detection['not_assessable']})",
        ),
        *((f"{label} of ICG for additional CRLM", with_interval(detection[key])) for key, label in ACCURACY),
        ("AUROC of ICG for additional CRLM", area(detection["auroc"])),
    ]


def _learning(report: dict[str, Any]) -> Story:
    curve, width = report["learning_curve"], content_width()
    items = [
        ("Procedures 1 to 10 of their centre", str(curve["procedures_learning"])),
        ("Procedures after the tenth", str(curve["procedures_experienced"])),
        ("R1 rate, first ten", with_interval(curve["r1_learning"])),
        ("R1 rate, after", with_interval(curve["r1_experienced"])),
        ("R1 rates compared", test_text(curve["r1_comparison"])),
        ("Without a date of surgery", str(curve["procedures_undated"])),
    ]
    rows = [["Among", "Event", "After (events/others)", "First ten (events/others)", "Odds ratio (95% CI)", "p"]]
    for key, among, event in (
        ("r1_detected", "Histological R1", "Fluorescent specimen"),
        ("false_positives", "Fluorescent specimens", "Histological R0"),
        ("occult_confirmed", "Resected occult lesions", "Confirmed CRLM"),
    ):
        rows.append([among, event, *odds_cells(curve[key])])
    return [
        heading(f"Learning curve: a centre's first {curve['threshold']} procedures against the later ones"),
        facts(items),
        grid(rows, [width * s for s in (0.19, 0.17, 0.15, 0.15, 0.24, 0.1)]),
    ]


def _neoadjuvant(report: dict[str, Any]) -> Story:
    groups, width = report["neoadjuvant"], content_width()
    without, treated = groups["without_chemotherapy"], groups["with_chemotherapy"]
    rows = [
        ["", "Without neoadjuvant chemotherapy", "With neoadjuvant chemotherapy"],
        ["Patients", str(without["patients"]), str(treated["patients"])],
        ["Initial R0 (confirmed CRLM)", with_interval(without["initial_r0"]), with_interval(treated["initial_r0"])],
    ]
    for key, label in (("sensitivity", "Sensitivity"), ("specificity", "Specificity"), ("ppv", "PPV"), ("npv", "NPV")):
        rows.append(
            [
                label,
                with_interval(without["diagnostic"]["accuracy"][key]),
                with_interval(treated["diagnostic"]["accuracy"][key]),
            ]
        )
    rows.append(
        ["AUROC", area(without["diagnostic"]["accuracy"]["auroc"]), area(treated["diagnostic"]["accuracy"]["auroc"])]
    )
    note = (
        f"Initial R0 rates compared: {p_text(groups['initial_r0_comparison'])} "
        f"({groups['initial_r0_comparison']['method']}). Patients without the answer recorded: "
        f"{groups['unknown_patients']}."
    )
    return [
        heading("Subgroups: neoadjuvant chemotherapy"),
        grid(rows, [width * 0.24, width * 0.38, width * 0.38]),
        para(text(note), "small"),
    ]


def _enrolment(report: dict[str, Any]) -> Story:
    width = content_width()
    rows = [["Centre", "Patients", "Lesions", "Confirmed CRLM", "First surgery", "Last surgery"]]
    rows += [enrolment_cells(centre) for centre in report["enrolment"]]
    bars = [(f"Centre {centre['centre']}", centre["patients"]) for centre in report["enrolment"]]
    return [
        heading("Enrolment per centre"),
        grid(rows, [width * s for s in (0.14, 0.14, 0.14, 0.18, 0.2, 0.2)]),
        para(text("Patients analysed per centre"), "head"),
        bars_drawing(bars, width * 0.8),
    ]


def _complications(report: dict[str, Any]) -> Story:
    complications = report["complications"]
    items = [
        ("No complication", count_of(complications["none"])),
        ("Clavien-Dindo I-II (worst)", count_of(complications["low_grade"])),
        ("Clavien-Dindo IIIa or higher (worst)", count_of(complications["high_grade"])),
        ("Deaths (grade V)", str(complications["deaths"])),
        ("Started after 90 days (not counted)", str(complications["late_left_out"])),
        ("Without a grade", str(complications["grade_missing"])),
    ]
    return [heading("Complications within 90 days, per patient"), facts(items)]


def _methods(report: dict[str, Any]) -> Story:
    diagnostic, margins = report["diagnostic"], report["margins"]
    ratio = report["learning_curve"]["r1_detected"]
    lines = [
        "Per lesion on resected CRLM confirmed by histology; R1 is a margin under 1 mm.",
        "Proportions: 95% confidence intervals by the Wilson score method.",
        f"AUROC: {diagnostic['accuracy']['auroc']['method']}.",
        f"R0 before against after: {margins['mcnemar']['method']}.",
        f"Change in the R0 rate: {margins['r0_change']['method']}.",
        f"Patients as clusters: {diagnostic['accuracy']['by_patient']['sensitivity']['method']}.",
        f"Odds ratios: {ratio['method']}; when a cell of the table is empty, a penalised odds ratio (0.5 added to "
        "each cell, Firth's estimate for a 2x2 table) with Fisher's exact test.",
        "Two proportions: Pearson's chi-square without continuity correction, or Fisher's exact test when an "
        "expected count is under 5.",
        "A figure with an empty denominator is 'not estimable' rather than a number.",
    ]
    return [heading("Methods"), *(para("• " + text(line), "body") for line in lines)]


def report_story(report: dict[str, Any]) -> Story:
    """Each section kept on one page where it fits."""
    from reportlab.platypus import KeepTogether

    story = [heading(f"MIMIC trial report: {report['source'] or 'data given'}", "title")]
    for section in (
        _counted,
        _flow,
        _contingency,
        _accuracy,
        _margins,
        _management,
        _learning,
        _neoadjuvant,
        _enrolment,
        _complications,
        _methods,
    ):
        story.append(KeepTogether(section(report)))
    return story


def write_trial_report(report: dict[str, Any], path: Path) -> Path:
    facts = [
        ("Generated", when(report["generated_at"])),
        ("Patients", str(report["counted"]["procedures_included"])),
        ("Report format", f"{report['format']} {report['format_version']}"),
    ]
    return build(path, report_story(report), Running(TITLE, facts, "en"), subject="MIMIC trial report")
