"""The card form every shopper page shares (checkout, and orders' "Pay now"): the card box and
the scripts it runs in the browser. Load Stripe.js from where
the payment says it is served (localstripe's stand-in in development and tests) and mount a
card element; turn the card into a token the server confirms the PaymentIntent with
(`payments.public.confirm_card`: the one path both Stripe and localstripe's stand-in take);
and, when the intent still waits for the shopper (3-D Secure), `confirmCardPayment` with
its client secret. Values are JSON-encoded into the code, so nothing typed becomes script."""

import json

import reflex as rx

CARD_ELEMENT_ID = "orion-card-element"


def card_element() -> rx.Component:
    """The box Stripe.js mounts its card element in (the number is typed into Stripe's frame)."""
    return rx.box(
        id=CARD_ELEMENT_ID,
        width="100%",
        padding="0.5em",
        border="1px solid var(--gray-7)",
        border_radius="6px",
    )


def mount_card(js_url: str, publishable_key: str) -> str:
    """Load Stripe.js once, then mount a card element in the page's card box (it waits for
    the box to render); answers "ready" or "error"."""
    return f"""(async () => {{
  const url = {json.dumps(js_url)};
  if (!window.Stripe) {{
    await new Promise((resolve, reject) => {{
      const script = document.createElement("script");
      script.src = url;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    }});
  }}
  let box = null;
  for (let i = 0; i < 50 && !(box = document.getElementById({json.dumps(CARD_ELEMENT_ID)})); i++) {{
    await new Promise((resolve) => setTimeout(resolve, 100));
  }}
  if (!box) return "error";
  const stripe = window.Stripe({json.dumps(publishable_key)});
  const card = stripe.elements().create("card");
  box.replaceChildren();
  card.mount(box);
  window.orionCheckout = {{ stripe, card }};
  return "ready";
}})().catch(() => "error")"""


def card_token() -> str:
    """The mounted card as a token; answers {card, token} (its card id, which confirms a
    payment, and the token id, which a Stripe customer takes as its source) or {error}. The
    card number goes from the card element to Stripe only, never to Orion."""
    return """(async () => {
  const checkout = window.orionCheckout;
  if (!checkout) return { error: "not_ready" };
  const result = await checkout.stripe.createToken(checkout.card);
  if (result.error || !result.token) return { error: "declined" };
  return { card: String(result.token.card.id), token: String(result.token.id) };
})().catch((error) => ({ error: String(error) }))"""


def authenticate(client_secret: str) -> str:
    """3-D Secure for an intent that waits for the shopper; answers {status} or {error}."""
    return f"""(async () => {{
  const checkout = window.orionCheckout;
  if (!checkout) return {{ error: "not_ready" }};
  const result = await checkout.stripe.confirmCardPayment({json.dumps(client_secret)});
  if (result.error) return {{ error: String(result.error.message || result.error.code || "failed") }};
  return {{ status: String(result.paymentIntent.status || "") }};
}})().catch((error) => ({{ error: String(error) }}))"""
