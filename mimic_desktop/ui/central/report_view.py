"""The trial report on screen: the figures services.trial_report computed, as tables, with the ROC curve.

The figures are formatted as in the PDF (reports/trial_report.py), so the window, the PDF and the
command line's summary say the same; the words around them are translated.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QTableWidget, QVBoxLayout, QWidget

from ...reports.trial_report import (
    DASH,
    area,
    change_figures,
    clustered_text,
    contingency_cells,
    contingency_keys,
    count_of,
    enrolment_cells,
    odds_cells,
    p_text,
    test_text,
    with_interval,
)
from ..i18n import arg
from ..labels import heading
from .roc_plot import RocPlot
from .widgets import ReadOnlyTable


class ReportView(QWidget):
    """Every section of the report, top to bottom, built once from the report's plain data."""

    def __init__(self, report: dict[str, Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reportView")
        self.report = report
        self.tables: dict[str, QTableWidget] = {}
        self.column = QVBoxLayout(self)
        self.counted()
        self.diagnostic()
        self.margins()
        self.management()
        self.occult()
        self.learning_curve()
        self.neoadjuvant()
        self.enrolment()
        self.complications()
        self.column.addStretch(1)

    # -- building blocks -------------------------------------------------------------------
    def table(
        self,
        name: str,
        headers: list[str],
        rows: list[list[str]],
        layout: QBoxLayout | None = None,
        header: bool = True,
    ) -> QTableWidget:
        table = ReadOnlyTable(name, headers, fit_height=True)
        table.horizontalHeader().setVisible(header)
        table.fill(rows)
        self.tables[name] = table
        (layout or self.column).addWidget(table)
        return table

    def facts(self, name: str, rows: list[tuple[str, str]]) -> QTableWidget:
        """Label and value, one pair to a row."""
        return self.table(name, [self.tr("Figure"), self.tr("Value")], [list(row) for row in rows], header=False)

    def note(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setProperty("role", "caption")
        self.column.addWidget(label)
        return label

    # -- counts in words, with the plural the number needs ----------------------------------
    def procedures_text(self, count: int) -> str:
        return self.tr("%n procedure(s)", "", count)

    def lesions_text(self, count: int) -> str:
        return self.tr("%n lesion(s)", "", count)

    def complications_text(self, count: int) -> str:
        return self.tr("%n complication(s)", "", count)

    def accuracy_names(self) -> dict[str, str]:
        return {
            "sensitivity": self.tr("Sensitivity"),
            "specificity": self.tr("Specificity"),
            "ppv": self.tr("PPV"),
            "npv": self.tr("NPV"),
        }

    # -- the sections ----------------------------------------------------------------------
    def counted(self) -> None:
        counted = self.report["counted"]
        self.column.addWidget(heading(self.tr("What is counted")))
        analysed = arg(
            self.tr("%1 of %2 analysed, one per patient; %3 of %4 and %5 of %6 go with them."),
            counted["procedures_included"],
            self.procedures_text(counted["procedures_in_input"]),
            counted["lesions_included"],
            self.lesions_text(counted["lesions_in_input"]),
            counted["complications_included"],
            self.complications_text(counted["complications_in_input"]),
        )
        orphans = arg(
            self.tr("Rows whose session has no procedure: %1, %2."),
            self.lesions_text(counted["lesions_without_procedure"]),
            self.complications_text(counted["complications_without_procedure"]),
        )
        self.note(f"{analysed} {orphans}").setObjectName("countedText")
        if counted["exclusions"]:
            self.table(
                "exclusionsTable",
                [self.tr("Left out because"), self.tr("Procedures"), self.tr("Study IDs")],
                [
                    [item["reason"], str(item["procedures"]), ", ".join(item["study_ids"])]
                    for item in counted["exclusions"]
                ],
            )

    def diagnostic(self) -> None:
        """Table 2 and the accuracy on the left, the ROC curve on the right."""
        diagnostic = self.report["diagnostic"]
        contingency = diagnostic["contingency"]
        every, parenchymal = diagnostic["accuracy"], diagnostic["accuracy_without_vascular_r1"]
        row = QHBoxLayout()
        left = QVBoxLayout()
        row.addLayout(left, 1)
        left.addWidget(heading(self.tr("Table 2: specimen fluorescence against the histological margin")))
        labels = {
            "vascular_r1": self.tr("Vascular R1"),
            "parenchymal_r1": self.tr("Parenchymal R1"),
            "r1_type_missing": self.tr("R1, type not recorded"),
            "r0": self.tr("R0"),
        }
        columns = contingency_keys(contingency)
        self.table(
            "contingencyTable",
            [self.tr("Specimen side (ICG)"), *(labels[key] for key in columns), self.tr("Total")],
            [
                [self.tr("Fluorescent (suspected R1)"), *contingency_cells(contingency["fluorescent"], columns)],
                [self.tr("Clear (suspected R0)"), *contingency_cells(contingency["clear"], columns)],
                [self.tr("Total"), *contingency_cells(contingency["total"], columns)],
            ],
            left,
        )
        counts = QLabel(
            arg(
                self.tr(
                    "Resected lesions confirmed as CRLM: %1; left out for want of the specimen fluorescence or the "
                    "margin: %2. TP %3, FP %4, FN %5, TN %6."
                ),
                diagnostic["crlm_resected"],
                diagnostic["not_assessable"],
                contingency["true_positive"],
                contingency["false_positive"],
                contingency["false_negative"],
                contingency["true_negative"],
            )
        )
        counts.setObjectName("contingencyNote")
        counts.setWordWrap(True)
        counts.setProperty("role", "caption")
        left.addWidget(counts)
        left.addWidget(heading(self.tr("Diagnostic accuracy of specimen fluorescence for R1")))
        rows = [
            [name, with_interval(every[key]), with_interval(parenchymal[key])]
            for key, name in self.accuracy_names().items()
        ]
        rows += [
            [
                arg(self.tr("%1, patients as clusters"), name),
                clustered_text(every["by_patient"][key]),
                clustered_text(parenchymal["by_patient"][key]),
            ]
            for key, name in self.accuracy_names().items()
        ]
        rows.append([self.tr("AUROC"), area(every["auroc"]), area(parenchymal["auroc"])])
        self.table(
            "accuracyTable",
            [
                "",
                arg(self.tr("Every R1 counts (%1)"), self.lesions_text(every["lesions"])),
                arg(self.tr("Vascular R1 left out (%1)"), self.lesions_text(parenchymal["lesions"])),
            ],
            rows,
            left,
        )
        left.addStretch(1)
        self.roc = RocPlot()
        roc = every["auroc"]
        self.roc.set_curve(roc["points"], arg(self.tr("AUROC %1"), area(roc)))
        row.addWidget(self.roc)
        self.column.addLayout(row)

    def change(self, difference: dict[str, Any]) -> str:
        if difference["value"] is None:
            return str(difference["note"])
        return arg(self.tr("%1 percentage points (95% CI %2 to %3)"), *change_figures(difference))

    def margins(self) -> None:
        margins = self.report["margins"]
        reresections = margins["reresections"]
        before, after = margins["r0_before"], margins["r0_after"]
        self.column.addWidget(heading(self.tr("R0 rate before and after re-resection of a fluorescent cavity")))
        self.facts(
            "marginsTable",
            [
                (self.tr("Confirmed CRLM with a margin"), str(margins["crlm_with_margin"])),
                (self.tr("R1 at the initial resection"), count_of(margins["r1_initial"])),
                (
                    self.tr("Of the R1"),
                    arg(
                        self.tr("vascular %1, parenchymal %2"),
                        count_of(margins["vascular_of_r1"]),
                        count_of(margins["parenchymal_of_r1"]),
                    ),
                ),
                (self.tr("In the R0 rates (vascular R1 left out)"), str(margins["lesions"])),
                (self.tr("R0 before re-resection"), with_interval(before)),
                (self.tr("R0 after re-resection"), with_interval(after)),
                (
                    self.tr("Patients as clusters"),
                    arg(
                        self.tr("before %1, after %2"),
                        clustered_text(margins["r0_before_by_patient"]),
                        clustered_text(margins["r0_after_by_patient"]),
                    ),
                ),
                (self.tr("Change"), self.change(margins["r0_change"])),
                (
                    self.tr("McNemar's test"),
                    arg(
                        self.tr("%1 (R1 to R0: %2, R0 to R1: %3)"),
                        p_text(margins["mcnemar"]),
                        margins["r1_to_r0"],
                        margins["r0_to_r1"],
                    ),
                ),
                (
                    self.tr("Cavity re-resections"),
                    arg(
                        self.tr(
                            "%1; on R1 %2, converted to R0 %3 (%4 of all), no tumour in the extra tissue %5; "
                            "on R0 already %6"
                        ),
                        reresections["total"],
                        reresections["on_r1"],
                        count_of(reresections["converted_to_r0"]),
                        count_of(reresections["converted_of_all"]),
                        reresections["no_tumour_in_extra_tissue"],
                        count_of(reresections["on_r0"]),
                    ),
                ),
            ],
        )

    def management(self) -> None:
        management = self.report["management"]
        self.column.addWidget(heading(self.tr("Changes in surgical management")))
        self.table(
            "managementTable",
            [
                self.tr("Change"),
                arg(self.tr("Patients (of %1)"), management["patients"]),
                arg(self.tr("Resections of confirmed CRLM (of %1)"), management["crlm_resections"]),
            ],
            [
                [self.tr("Any of the three"), count_of(management["any_change"]), DASH],
                [
                    self.tr("Transection plane adapted"),
                    count_of(management["patients_plane_adapted"]),
                    count_of(management["plane_adapted"]),
                ],
                [
                    self.tr("Fluorescent cavity re-resected"),
                    count_of(management["patients_cavity_reresection"]),
                    count_of(management["cavity_reresection"]),
                ],
                [
                    self.tr("Occult lesion, extended or additional resection"),
                    count_of(management["patients_occult_extended"]),
                    self.lesions_text(management["occult_extended_lesions"]),
                ],
            ],
        )

    def occult(self) -> None:
        occult = self.report["occult"]
        self.column.addWidget(heading(self.tr("Occult lesions")))
        self.facts(
            "occultTable",
            [
                (
                    self.tr("Occult lesions found"),
                    arg(self.tr("%1, resected %2"), occult["lesions"], occult["resected"]),
                ),
                (self.tr("Confirmed CRLM"), with_interval(occult["confirmed_crlm"])),
                (self.tr("Patients with an occult lesion"), count_of(occult["patients_with_occult"])),
                (self.tr("Patients with additional CRLM"), with_interval(occult["patients_with_additional_crlm"])),
            ],
        )

    def learning_curve(self) -> None:
        curve = self.report["learning_curve"]
        self.column.addWidget(
            heading(
                self.tr(
                    "Learning curve: a centre's first %n procedure(s) against the later ones", "", curve["threshold"]
                )
            )
        )
        self.facts(
            "learningTable",
            [
                (
                    arg(self.tr("Procedures 1 to %1 of their centre"), curve["threshold"]),
                    str(curve["procedures_learning"]),
                ),
                (self.tr("Later procedures"), str(curve["procedures_experienced"])),
                (self.tr("R1 rate, learning phase"), with_interval(curve["r1_learning"])),
                (self.tr("R1 rate, later"), with_interval(curve["r1_experienced"])),
                (self.tr("R1 rates compared"), test_text(curve["r1_comparison"])),
                (self.tr("Without a date of surgery"), str(curve["procedures_undated"])),
            ],
        )
        rows = [
            [among, event, *odds_cells(curve[key])]
            for key, among, event in (
                ("r1_detected", self.tr("Histological R1"), self.tr("Fluorescent specimen")),
                ("false_positives", self.tr("Fluorescent specimens"), self.tr("Histological R0")),
                ("occult_confirmed", self.tr("Resected occult lesions"), self.tr("Confirmed CRLM")),
            )
        ]
        self.table(
            "oddsRatioTable",
            [
                self.tr("Among"),
                self.tr("Event"),
                self.tr("Later (events/others)"),
                self.tr("Learning phase (events/others)"),
                self.tr("Odds ratio (95% CI)"),
                self.tr("p"),
            ],
            rows,
        )

    def neoadjuvant(self) -> None:
        groups = self.report["neoadjuvant"]
        without, treated = groups["without_chemotherapy"], groups["with_chemotherapy"]
        self.column.addWidget(heading(self.tr("Subgroups: neoadjuvant chemotherapy")))
        rows = [
            [self.tr("Patients"), str(without["patients"]), str(treated["patients"])],
            [
                self.tr("Initial R0 (confirmed CRLM)"),
                with_interval(without["initial_r0"]),
                with_interval(treated["initial_r0"]),
            ],
        ]
        rows += [
            [
                name,
                with_interval(without["diagnostic"]["accuracy"][key]),
                with_interval(treated["diagnostic"]["accuracy"][key]),
            ]
            for key, name in self.accuracy_names().items()
        ]
        rows.append(
            [
                self.tr("AUROC"),
                area(without["diagnostic"]["accuracy"]["auroc"]),
                area(treated["diagnostic"]["accuracy"]["auroc"]),
            ]
        )
        self.table(
            "neoadjuvantTable",
            ["", self.tr("Without neoadjuvant chemotherapy"), self.tr("With neoadjuvant chemotherapy")],
            rows,
        )
        comparison = groups["initial_r0_comparison"]
        self.note(
            arg(
                self.tr("Initial R0 rates compared: %1 (%2). Patients without the answer recorded: %3."),
                p_text(comparison),
                comparison["method"],
                groups["unknown_patients"],
            )
        )

    def enrolment(self) -> None:
        self.column.addWidget(heading(self.tr("Enrolment per centre")))
        self.table(
            "enrolmentTable",
            [
                self.tr("Centre"),
                self.tr("Patients"),
                self.tr("Lesions"),
                self.tr("Confirmed CRLM"),
                self.tr("First surgery"),
                self.tr("Last surgery"),
            ],
            [enrolment_cells(centre) for centre in self.report["enrolment"]],
        )

    def complications(self) -> None:
        complications = self.report["complications"]
        self.column.addWidget(heading(self.tr("Complications within 90 days, per patient")))
        self.facts(
            "complicationsTable",
            [
                (self.tr("No complication"), count_of(complications["none"])),
                (self.tr("Clavien-Dindo I-II (worst)"), count_of(complications["low_grade"])),
                (self.tr("Clavien-Dindo IIIa or higher (worst)"), count_of(complications["high_grade"])),
                (self.tr("Deaths (grade V)"), str(complications["deaths"])),
                (self.tr("Started after 90 days (not counted)"), str(complications["late_left_out"])),
                (self.tr("Without a grade"), str(complications["grade_missing"])),
            ],
        )
