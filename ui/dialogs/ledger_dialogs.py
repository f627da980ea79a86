"""Dialogs that post one ledger entry each: Buy, Bonus, Reconcile.

Each gathers input and, on OK, makes one call into :mod:`app.ledger` through a
:class:`ui.ops.CollectionOp` (off the GUI thread, in its own transaction); the
dialog closes once it has committed, and stays open with the message when the
input is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from app import ledger, plaintext
from app.domain import LedgerKind
from app.errors import WorkbenchError
from app.storage.models import LedgerEntry
from ui import a11y, localized, plain, qtime
from ui.context import AppContext
from ui.i18n import QT_TRANSLATE_NOOP
from ui.ops import Change, CollectionOp
from ui.theme import SEVERITY_COLORS


class LedgerDialog(QDialog):
    """A form, a "when" field, an error line and OK / Cancel; subclasses post."""

    #: the window's title, in English (marked with QT_TRANSLATE_NOOP; :meth:`title` translates)
    heading = ""

    def title(self) -> str:
        return QCoreApplication.translate("LedgerDialog", self.heading) if self.heading else ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.posted: LedgerEntry | None = None
        self.op: CollectionOp[LedgerEntry | None] | None = None
        self.setWindowTitle(self.title())
        with ctx.db.read() as session:
            self.credit_name = plaintext.inline(ledger.credit_name(session))  # the user's words
            self.balance = ledger.balance(session)
        self.form = QFormLayout()
        self.when = QDateTimeEdit(qtime.now(), calendarPopup=True)
        self.when.setDisplayFormat(localized.date_time_format())
        self.when.setMaximumDateTime(qtime.now().addSecs(60))
        self.error_label = QLabel(wordWrap=True)
        self.error_label.setObjectName("dialogError")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setStyleSheet(f"color: {SEVERITY_COLORS['critical']}")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.build_form()
        self.form.addRow(self.tr("When:"), self.when)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def build_form(self) -> None:
        """Add the dialog's own fields to ``self.form``."""

    def writer(self, at: datetime) -> Callable[[Session], LedgerEntry | None]:
        """The write for what the form holds now (its values read here, on the GUI thread)."""
        raise NotImplementedError

    def moment(self) -> datetime:
        return datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch(), UTC)

    @Slot()
    def accept(self) -> None:
        if self.op is not None and not self.op.done:
            return  # already posting
        self.buttons.setEnabled(False)
        self.op = (
            CollectionOp(
                self,
                self.writer(self.moment()),
                lambda entry: Change.LEDGER if entry is not None else Change.NONE,
                title=self.title(),
            )
            .success(self._posted)
            .failure(self._refused)
            .run()
        )

    def _posted(self, entry: LedgerEntry | None) -> None:
        self.posted = entry
        super().accept()

    def _refused(self, exc: WorkbenchError) -> None:
        self.buttons.setEnabled(True)
        self.error_label.setText(str(exc))
        self.error_label.show()


class BuyDialog(LedgerDialog):
    """Record a bundle bought on the platform, with what it cost."""

    heading = QT_TRANSLATE_NOOP("LedgerDialog", "Buy Connects")

    def build_form(self) -> None:
        with self.ctx.db.read() as session:
            sizes = ledger.bundles(session)
            self.prices = {n: ledger.purchase_price(session, n) for n in sizes}
        self.bundle = QComboBox()
        for n in sizes:
            self.bundle.addItem(
                self.tr("{count} {credits}  ({price})").format(
                    count=n, credits=self.credit_name, price=f"${self.prices[n]:,.2f}"
                ),
                n,
            )
        self.usd = QDoubleSpinBox(decimals=2, minimum=0.0, maximum=100_000.0)
        self.usd.setPrefix("$ ")
        self.bundle.currentIndexChanged.connect(self._bundle_changed)
        self.form.addRow(self.tr("Bundle:"), self.bundle)
        self.form.addRow(self.tr("Paid (USD):"), self.usd)
        self._bundle_changed()

    @Slot()
    def _bundle_changed(self) -> None:
        self.usd.setValue(self.prices.get(self.bundle.currentData(), 0.0))

    def writer(self, at: datetime) -> Callable[[Session], LedgerEntry | None]:
        size, usd = int(self.bundle.currentData()), self.usd.value()
        return lambda session: ledger.buy(session, size, usd=usd, at=at)


class BonusDialog(LedgerDialog):
    """Record free Connects the platform gave (a promotion, a referral, …)."""

    heading = QT_TRANSLATE_NOOP("LedgerDialog", "Add bonus Connects")

    def build_form(self) -> None:
        self.amount = QSpinBox(minimum=1, maximum=100_000)
        self.amount.setValue(10)
        self.note = QLineEdit(placeholderText=self.tr("e.g. profile completed, referral"))
        amount_label = plain.label(self.tr("{credits}:").format(credits=self.credit_name))
        a11y.name(
            self.amount,
            self.tr("Bonus {credits}").format(credits=self.credit_name),
            label=amount_label,
        )
        self.form.addRow(amount_label, self.amount)
        self.form.addRow(self.tr("Note:"), self.note)

    def writer(self, at: datetime) -> Callable[[Session], LedgerEntry | None]:
        amount, note = self.amount.value(), self.note.text()
        return lambda session: ledger.post_entry(
            session, LedgerKind.BONUS, amount, at=at, note=note
        )


class ReconcileDialog(LedgerDialog):
    """Type the balance the platform shows; one correction makes the ledger match."""

    heading = QT_TRANSLATE_NOOP("LedgerDialog", "Reconcile with the platform")

    def build_form(self) -> None:
        self.platform = QSpinBox(minimum=0, maximum=10_000_000)
        self.platform.setValue(max(0, self.balance))
        self.preview = QLabel(wordWrap=True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.platform.valueChanged.connect(self._update_preview)
        platform_label = plain.label(
            self.tr("Available {credits} on the platform:").format(credits=self.credit_name)
        )
        a11y.name(
            self.platform,
            self.tr("Available {credits} on the platform").format(credits=self.credit_name),
        )
        platform_label.setBuddy(self.platform)
        self.form.addRow(platform_label, self.platform)
        self.form.addRow(self.preview)
        self._update_preview()

    @Slot()
    def _update_preview(self) -> None:
        difference = self.platform.value() - self.balance
        if difference == 0:
            text = self.tr("The ledger shows {balance}: it already matches.").format(
                balance=self.balance
            )
        else:
            text = self.tr(
                "The ledger shows {balance}; a correction of {difference} {credits} will be posted."
            ).format(balance=self.balance, difference=f"{difference:+d}", credits=self.credit_name)
        self.preview.setText(text)

    def writer(self, at: datetime) -> Callable[[Session], LedgerEntry | None]:
        balance = self.platform.value()
        return lambda session: ledger.reconcile(session, balance, at=at)
