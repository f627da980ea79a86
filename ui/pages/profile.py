"""The Profile page."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.pages.base import Page
from ui.widgets.empty_state import EmptyState


class ProfilePage(Page):
    title = "Profile"
    icon_name = "profile"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.set_empty_state(
            EmptyState(
                "profile",
                "Tell the workbench who you are",
                "A profile holds your skills, your minimum rates and the clients you want. Postings are scored against it, so set it up first.",
            )
        )
