"""The Proposals page."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.pages.base import Page
from ui.widgets.empty_state import EmptyState


class ProposalsPage(Page):
    title = "Proposals"
    icon_name = "proposals"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.set_empty_state(
            EmptyState(
                "proposals",
                "No proposals yet",
                "Draft a proposal from a job posting on the Jobs page. Once you mark it as submitted it shows up here, and you can move it along the pipeline (viewed, replied, interviewing, hired) with one key.",
            )
        )
