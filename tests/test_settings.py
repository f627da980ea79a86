from __future__ import annotations

import pytest

from app import settings
from app.errors import InputError


def test_unset_settings_read_their_default(db) -> None:
    with db.read() as session:
        assert settings.get(session, "connects.price_usd") == 0.15
        assert settings.get(session, "connects.monthly_allocation")["freelancer_plus"] == 100


def test_set_then_get_and_type_check(db) -> None:
    with db.transaction() as session:
        settings.set_value(session, "score.apply_threshold", 80)
        settings.set_value(session, "connects.price_usd", 1)  # an int is a fine float
    with db.read() as session:
        assert settings.get(session, "score.apply_threshold") == 80
        assert settings.all_values(session)["connects.price_usd"] == 1.0
        with pytest.raises(InputError, match="takes a int"):
            settings.set_value(session, "score.apply_threshold", "high")
        with pytest.raises(InputError, match="unknown setting"):
            settings.get(session, "no.such")
