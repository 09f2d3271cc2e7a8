"""A CSV file streamed to the browser from a session of its own (modules' export routes).

The endpoint has already decided access (`api_guard.guarded_route`); `lines(session)` yields
the file's text, which goes out a few hundred lines a chunk, never cached.
"""

from collections.abc import Callable, Iterator

from sqlmodel import Session
from starlette.responses import StreamingResponse

from orion_app.db import get_engine

LINES_PER_CHUNK = 500


def csv_download(lines: Callable[[Session], Iterator[str]], file_name: str) -> StreamingResponse:
    """`lines(session)` as an attachment named `file_name`, read in a session opened for it."""

    def chunks() -> Iterator[str]:
        with Session(get_engine(), expire_on_commit=False) as session:
            batch: list[str] = []
            for line in lines(session):
                batch.append(line)
                if len(batch) >= LINES_PER_CHUNK:
                    yield "".join(batch)
                    batch = []
            yield "".join(batch)

    return StreamingResponse(
        chunks(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{file_name}"', "Cache-Control": "no-store"},
    )
