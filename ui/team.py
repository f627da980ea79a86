"""Team mode's one window setting: the server File → Connect to team server… chose.

A module of its own (no imports) so that the start reads it before the database
layer loads, and the dialog writes it without importing the start.
"""

from __future__ import annotations

#: QSettings key of the team server's URL (never with a password in it)
SERVER_KEY = "database/server"
