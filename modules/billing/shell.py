"""What billing puts in the store dashboard's header: the trial / payment due / read-only banner."""

from orion_app.registry import Frontend, ShellItem

ITEMS = (
    ShellItem(
        frontends=(Frontend.STORE,),
        component="modules.billing.pages.banner:billing_banner",
        on_load="modules.billing.state.banner:BillingBannerState.load",
    ),
)
