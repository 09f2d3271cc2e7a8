"""Background job health: queue sizes, failed jobs and live workers, read from RQ."""

from rq import Worker
from rq.registry import FailedJobRegistry, StartedJobRegistry

from orion_app.jobs import QUEUES, get_queue
from orion_app.redis_client import get_redis


def queue_overview() -> list[dict[str, int | str]]:
    rows = []
    for name in QUEUES:
        queue = get_queue(name)
        rows.append(
            {
                "queue": name,
                "queued": queue.count,
                "running": StartedJobRegistry(queue=queue).count,
                "failed": FailedJobRegistry(queue=queue).count,
            }
        )
    return rows


def worker_count() -> int:
    names = {get_queue(name).name for name in QUEUES}
    return sum(1 for w in Worker.all(connection=get_redis()) if names & set(w.queue_names()))
