"""A page load's shared session: a refusal after reads keeps its transaction (the next loader
reads on the same connection); after a write, or a database error, it rolls back."""

import asyncio

import pytest
from sqlalchemy import literal, select, text

from orion_app.db import run_blocking, session_scope, shared_session
from orion_app.errors import NotFound


def in_one_page_load(work):
    async def run():
        async with shared_session():
            return await run_blocking(work)

    return asyncio.run(run())


def refused(body) -> None:
    with pytest.raises(NotFound), session_scope() as session:
        body(session)
        raise NotFound()


def test_a_refusal_after_reads_keeps_the_transaction(sqlite_database):
    def work():
        refused(lambda session: session.execute(select(literal(1))))
        with session_scope() as session:
            return session.in_transaction()

    assert in_one_page_load(work) is True


def test_a_refusal_after_a_write_rolls_it_back(sqlite_database):
    with session_scope() as session:
        session.execute(text("CREATE TABLE scratch (x INTEGER)"))

    def work():
        refused(lambda session: session.execute(text("INSERT INTO scratch VALUES (1)")))
        with session_scope() as session:
            return session.execute(text("SELECT count(*) FROM scratch")).scalar()

    assert in_one_page_load(work) == 0
    with session_scope() as session:
        assert session.execute(text("SELECT count(*) FROM scratch")).scalar() == 0
