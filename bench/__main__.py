"""Run every benchmark, print the numbers and keep them in bench/results/."""

import json
import sys
from datetime import UTC, datetime

from bench import (
    billing_jobs,
    compile_time,
    event_roundtrip,
    first_response,
    invoices,
    lighthouse,
    mail_delivery,
    marketplace_import,
    marketplace_xml,
    placement,
    storefront,
    storefront_load,
    webhooks,
)
from bench.common import ROOT

BENCHES = {
    "event_roundtrip": event_roundtrip.run,
    "compile_time": compile_time.run,
    "storefront": storefront.run,
    "first_response": first_response.run,
    "lighthouse": lighthouse.run,
    "marketplace_import": marketplace_import.run,
    "marketplace_xml": marketplace_xml.run,
    "storefront_load": storefront_load.run,
    "mail_delivery": mail_delivery.run,
    "webhooks": webhooks.run,
    "placement": placement.run,
    "invoices": invoices.run,
    "billing_jobs": billing_jobs.run,
}


def main(names: list[str]) -> int:
    results = {}
    for name, run in BENCHES.items():
        if names and name not in names:
            continue
        print(f"== {name}", flush=True)
        results[name] = run()
        print(json.dumps(results[name], indent=2), flush=True)
    folder = ROOT / "bench" / "results"
    folder.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (folder / f"{stamp}.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
