"""A server-rendered page starts its scripts after it has painted, and loses no tap.

The server's HTML is the whole page, so nothing needs the app's JavaScript to be seen.
React Router's boot (one inline module script importing the route modules, then
`entry.client`, which hydrates) is held back until the first interaction or, failing
that, the browser's first idle moment after `load`; the `modulepreload` links go, so the
scripts do not compete with the stylesheet and the main photo for the network.

A click or change that happens before React listens is recorded; once React has hydrated
the whole page (the `orion:hydrated` event, from the state provider's first effect, see
plugin.py), it is replayed on the same element, which hydration kept. Events that arrive
after `entry.client` started hydrating are React's own to replay. Links and forms with an
`action` (the add-to-cart and sign-out forms, posted to a backend route) are left to the
browser: following one loads the next page, as it would have anyway, and replaying the tap
would post the form a second time.
"""

import json
import re

from orion_app.ui.script import escape_for_script

_MODULE_BOOT = re.compile(r'<script type="module"(?: async="")?>(.*?)</script>', re.S)
_PRELOAD = re.compile(r'<link rel="modulepreload"[^>]*/?>')
_ENTRY = re.compile(r'import\("(/[^"]*entry\.client[^"]*\.js)"\);')

DEFERRED_BOOT = """<script>(() => {
  const code = %s;
  let started = false, listening = false, hydrated = false;
  const early = [];
  // A submit control of a form with an action: the browser posts it itself.
  const posts = (target) => {
    const control = target.closest?.("button, input[type=submit], input[type=image]");
    if (!control || control.type === "button" || control.type === "reset") return false;
    return !!control.form?.hasAttribute("action");
  };
  const record = (event) => {
    if (listening || hydrated) return;
    const target = event.target;
    const native = event.type === "submit"
      ? target.hasAttribute?.("action")
      : event.type === "click"
        && (target.closest?.("a[href]") || target.tagName === "SELECT" || posts(target));
    if (native) {
      start();
      return;
    }
    early.push([event.type, target]);
    start();
  };
  const replay = () => {
    hydrated = true;
    early.splice(0).forEach(([type, target]) =>
      type === "click" ? target.click() : target.dispatchEvent(new Event(type, { bubbles: true })));
  };
  window.__orionBooted = () => {
    listening = true;
    if (window.__orionHydrated) replay(); else addEventListener("orion:hydrated", replay, { once: true });
  };
  const start = () => {
    if (started) return;
    started = true;
    const script = document.createElement("script");
    script.type = "module";
    script.textContent = code;
    document.head.appendChild(script);
  };
  for (const type of ["click", "change", "submit"]) document.addEventListener(type, record, true);
  for (const type of ["pointerdown", "keydown", "touchstart", "focusin"])
    document.addEventListener(type, start, { once: true, passive: true, capture: true });
  const idle = () => (window.requestIdleCallback || ((f) => setTimeout(f, 1)))(start, { timeout: 2500 });
  if (document.readyState === "complete") idle(); else addEventListener("load", idle, { once: true });
})();</script>"""


def defer_boot(page: str) -> str:
    """`page` with its app scripts started after paint (see the module docstring); a page
    without React Router's boot script is returned unchanged."""
    found = _MODULE_BOOT.search(page)
    if found is None or not _ENTRY.search(found.group(1)):
        return page
    code = _ENTRY.sub(r'import("\1").then(() => window.__orionBooted());', found.group(1))
    script = DEFERRED_BOOT % escape_for_script(json.dumps(code))
    page = page[: found.start()] + script + page[found.end() :]
    return _PRELOAD.sub("", page)
