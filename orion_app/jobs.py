"""RQ queues, the worker and the cron scheduler that runs modules' scheduled jobs."""

import importlib
import logging

from rq import Queue, Worker
from rq.cron import CronScheduler

from orion_app.redis_client import get_redis
from orion_app.registry import ModuleRegistry, get_registry, import_string
from orion_app.settings import get_settings

QUEUES = ("default", "long_running", "scheduled")
log = logging.getLogger(__name__)


def queue_name(name: str) -> str:
    """Queue names carry the deployment's Redis prefix, so test runs never share queues."""
    return f"{get_settings().redis_prefix}{name}"


def get_queue(name: str = "default") -> Queue:
    if name not in QUEUES:
        raise ValueError(f"Unknown queue '{name}'; Orion's queues are {', '.join(QUEUES)}.")
    return Queue(queue_name(name), connection=get_redis())


def run_worker(burst: bool = False, queues: list[str] | None = None) -> None:
    """Work the queues in priority order: fast jobs before imports before cron jobs.

    Give `queues` to dedicate a worker, e.g. one for `long_running` imports so a big
    import never holds up the fast `default` jobs.

    The worker also moves jobs queued for later (`enqueue_in`, e.g. a mail's next try) onto
    their queue when due; one worker per queue holds that lock at a time.
    """
    preload_job_modules()
    worker = Worker([get_queue(name) for name in (queues or QUEUES)], connection=get_redis())
    worker.work(burst=burst, with_scheduler=True)


def preload_job_modules(registry: ModuleRegistry | None = None) -> None:
    """Import every module's `jobs` before the worker forks a process per job, so each job
    starts with its code loaded (importing it in every fork cost ~1.4 s a job)."""
    registry = registry or get_registry()
    for definition in registry:
        name = f"{registry.package}.{definition.code}.jobs"
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise


def build_scheduler(registry: ModuleRegistry | None = None) -> CronScheduler:
    """A cron scheduler with every scheduled job the installed modules declare."""
    scheduler = CronScheduler(connection=get_redis(), name=f"{get_settings().redis_prefix}cron")
    for definition in registry or get_registry():
        for job in definition.scheduled_jobs:
            scheduler.register(
                import_string(job.func),
                queue_name(job.queue),
                cron=job.cron,
                name=f"{definition.code}.{job.name}",
            )
            log.info("Scheduled %s.%s (%s)", definition.code, job.name, job.cron)
    return scheduler
