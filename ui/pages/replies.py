"""The Saved replies page."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.pages.base import Page
from ui.widgets.empty_state import EmptyState


class RepliesPage(Page):
    title = "Saved replies"
    icon_name = "replies"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.set_empty_state(
            EmptyState(
                "replies",
                "No saved replies yet",
                "Saved replies are Jinja2 templates for whole proposals and for snippets (intro, approach, portfolio, closing). They fill themselves from the posting, the client and your profile.",
            )
        )
