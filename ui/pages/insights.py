"""The Insights page."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.pages.base import Page
from ui.widgets.empty_state import EmptyState


class InsightsPage(Page):
    title = "Insights"
    icon_name = "insights"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.set_empty_state(
            EmptyState(
                "insights",
                "Nothing to chart yet",
                "Charts of Connects spent, your proposal funnel and your win rate by score appear here once you have submitted a few proposals and recorded what happened to them.",
            )
        )
