"""The Jobs page."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.pages.base import Page
from ui.widgets.empty_state import EmptyState


class JobsPage(Page):
    title = "Jobs"
    icon_name = "jobs"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.set_empty_state(
            EmptyState(
                "jobs",
                "No job postings yet",
                "Copy a job posting in your browser and paste it here, or import a CSV or JSON export from your job-alert tool. Each posting is scored against your profile, with the reasons and red flags shown beside it.",
            )
        )
