from orion_app.cli import main

raise SystemExit(main())
