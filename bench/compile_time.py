"""Production build time of the whole app: Python -> JS compile, then the bundled frontend."""

import os
import shutil
import subprocess
import tempfile
import time

from bench.common import ROOT


def _timed(args: list[str], env: dict) -> float:
    started = time.perf_counter()
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return round(time.perf_counter() - started, 2)


def run() -> dict:
    env = {**os.environ, "REFLEX_ENV_MODE": "prod", "REFLEX_TELEMETRY_ENABLED": "false"}
    reflex = str(ROOT / ".venv" / "bin" / "reflex")
    out = tempfile.mkdtemp(prefix="orion-export-")
    try:
        compile_seconds = _timed([reflex, "compile"], env)
        export_seconds = _timed(
            [reflex, "export", "--frontend-only", "--no-zip", "--env", "prod", "--zip-dest-dir", out], env
        )
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return {"compile_seconds": compile_seconds, "prod_frontend_build_seconds": export_seconds}
