"""The Connects page."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.pages.base import Page
from ui.widgets.empty_state import EmptyState


class ConnectsPage(Page):
    title = "Connects"
    icon_name = "connects"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.set_empty_state(
            EmptyState(
                "connects",
                "Your Connects ledger is empty",
                "Record your monthly allocation and any purchases, or reconcile with the balance the platform shows. Every spend and refund then lands here as an entry, and the balance is always their sum.",
            )
        )
