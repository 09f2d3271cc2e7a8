"""What messaging puts in the admin and store header: the notifications bell."""

from orion_app.registry import Frontend, ShellItem

ITEMS = (
    ShellItem(
        frontends=(Frontend.ADMIN, Frontend.STORE),
        component="modules.messaging.pages.notifications:bell",
        on_load="modules.messaging.state.notifications:BellState.load",
    ),
)
