from __future__ import annotations

from pathlib import Path

import pytest

from app import settings
from app.bootstrap import seed_defaults
from app.domain import PostingFacts
from app.errors import InputError, NotFoundError
from app.replies import (
    STARTERS_SETTING,
    delete_reply,
    get_reply,
    list_replies,
    parse_reply_file,
    save_reply,
    save_reply_file,
    starter_files,
    suggest_replies,
)

FILE = """{#---
kind = "snippet"
description = "short intro"
skills = ["Python"]
---#}
Hi {{ client.name }}
"""


def test_front_matter_is_split_from_the_body() -> None:
    parsed = parse_reply_file(FILE)
    assert parsed.body == "Hi {{ client.name }}\n"
    assert (parsed.kind, parsed.description, parsed.skills) == (
        "snippet",
        "short intro",
        ["Python"],
    )


@pytest.mark.parametrize(
    "text",
    [
        '{#---\nkind = "letter"\n---#}\nx',
        "{#---\nkind = \n---#}\nx",
        '{#---\ncolor = "red"\n---#}\n',
    ],
)
def test_bad_front_matter_is_an_input_error(text: str) -> None:
    with pytest.raises(InputError):
        parse_reply_file(text)


def test_crud(db) -> None:
    with db.transaction() as s:
        save_reply_file(s, "intro/short", FILE)
        save_reply(s, "proposal/web", "Hello {% include 'intro/short' %}")
    with db.transaction() as s:
        assert [r.name for r in list_replies(s)] == ["proposal/web", "intro/short"]
        assert [r.name for r in list_replies(s, "snippet")] == ["intro/short"]
        save_reply(s, "intro/short", "changed")
    with db.transaction() as s:
        reply = get_reply(s, "intro/short")
        assert reply.body == "changed" and reply.kind == "snippet"  # metadata kept
        delete_reply(s, "intro/short")
    with db.read() as s, pytest.raises(NotFoundError):
        get_reply(s, "intro/short")


@pytest.mark.parametrize("name", ["", "/x", "a//b", "has space", "x" * 201, "a/"])
def test_bad_names_are_refused_and_nothing_stored(db, name: str) -> None:
    with pytest.raises(InputError), db.transaction() as s:
        save_reply(s, name, "body")
    with db.read() as s:
        assert list_replies(s) == []


def test_starters_ship_and_seed_once(db) -> None:
    files = starter_files()
    assert 6 <= len(files) <= 10
    assert "intro/short" in files
    seed_defaults(db)
    seed_defaults(db)
    with db.transaction() as s:
        replies = list_replies(s)
        assert len(replies) == len(files)
        assert all(r.is_starter for r in replies)
        assert {r.kind for r in replies} == {"proposal", "snippet"}
        delete_reply(s, "intro/short")
    seed_defaults(db)  # a deleted starter stays deleted
    with db.read() as s:
        assert len(list_replies(s)) == len(files) - 1
        assert "intro/short" in settings.get(s, STARTERS_SETTING)


def test_every_starter_renders_without_errors(db) -> None:
    from app.drafting.draft import make_draft

    seed_defaults(db)
    facts = PostingFacts(
        title="Sync Shopify orders to Airtable",
        description="We need orders from Shopify pushed to Airtable every hour.",
        skills=["API Integration", "Python"],
        screening_questions=["Which integrations have you built?"],
    )
    with db.read() as s:
        for reply in list_replies(s, "proposal"):
            draft = make_draft(s, facts, reply_name=reply.name)
            assert draft.problem is None, (reply.name, draft.problem)
            assert "Sync Shopify orders to Airtable" in draft.text
            assert "None" not in draft.text


def test_suggestion_prefers_category_and_skills(db) -> None:
    with db.transaction() as s:
        save_reply(s, "generic", "x")
        save_reply(
            s, "data", "x", categories=["Data Science & Analytics"], skills=["Data Scraping"]
        )
        save_reply(s, "web", "x", categories=["Web Development"], skills=["React", "API"])
        save_reply(s, "snip", "x", kind="snippet", skills=["React"])
    facts = PostingFacts(title="Dashboard", category="Web Development", skills=["React"])
    with db.read() as s:
        assert [r.name for r in suggest_replies(s, facts)] == ["web", "generic", "data"]
        scraping = PostingFacts(title="Scrape prices", skills=["Data Scraping"])
        assert suggest_replies(s, scraping)[0].name == "data"


def test_templates_dir_is_in_the_tree() -> None:
    assert all(isinstance(p, Path) and p.suffix == ".j2" for p in starter_files().values())


def test_create_reply_refuses_a_name_taken_and_update_renames(db) -> None:
    from app.errors import InputError
    from app.replies import create_reply, find_reply, update_reply

    with db.transaction() as session:
        assert create_reply(session, "proposal/mine", "Hi") == "proposal/mine"
    with db.transaction() as session, pytest.raises(InputError, match="already exists"):
        create_reply(session, "proposal/mine", "Other")
    with db.transaction() as session:
        name = update_reply(
            session,
            "proposal/mine",
            new_name="proposal/ours",
            body="Hello",
            kind="proposal",
            description="d",
            categories=["Web"],
            skills=["Python"],
        )
    with db.read() as session:
        reply = find_reply(session, name)
        assert reply is not None and (reply.name, reply.body, reply.skills) == (
            "proposal/ours",
            "Hello",
            ["Python"],
        )
        assert find_reply(session, "proposal/mine") is None
