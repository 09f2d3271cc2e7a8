"""ORV013: a module reaches another module only through its public face."""

from pathlib import Path

from orion_app.validator import private_imports

INSTALLED = {"shop", "stock", "contracts"}


def _module(root: Path, code: str, files: dict[str, str]) -> Path:
    folder = root / "scratch" / code
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_importing_another_modules_services_is_refused_in_one_sentence(tmp_path):
    folder = _module(tmp_path, "shop", {"services/orders.py": "from scratch.stock.services import reserve\n"})

    findings = private_imports("scratch", "shop", folder, INSTALLED)

    assert [(f.rule, f.module) for f in findings] == [("ORV013", "shop")]
    assert findings[0].message == (
        "shop/services/orders.py imports scratch.stock.services, which is internal to 'stock': "
        "use scratch.stock.public instead"
    )


def test_models_state_and_pages_of_another_module_are_refused_in_every_import_form(tmp_path):
    folder = _module(
        tmp_path,
        "shop",
        {
            "state.py": "import scratch.stock.models\nfrom scratch.stock import state\n",
            "pages.py": "def page():\n    from scratch.stock.pages import stock_page\n",
        },
    )

    refused = sorted(
        f.message.split(" imports ")[1].split(",")[0]
        for f in private_imports("scratch", "shop", folder, INSTALLED)
    )

    assert refused == ["scratch.stock.models", "scratch.stock.pages", "scratch.stock.state"]


def test_public_faces_definitions_protocols_and_own_internals_are_allowed(tmp_path):
    folder = _module(
        tmp_path,
        "shop",
        {
            "services.py": (
                "from scratch.stock.public import levels\n"
                "from scratch.stock import public, definition\n"
                "from scratch.contracts.protocols import MetricsProvider\n"
                "from scratch.shop.models import Order\n"
                "from scratch.ghost.services import anything  # not an installed module\n"
            )
        },
    )

    assert private_imports("scratch", "shop", folder, INSTALLED) == []
