"""The build-time half of server rendering: Reflex's state store learns two new sources.

Reflex 0.10.1 compiles every state's default values into `utils/context.jsx`
(`initialState`). The server build reads only those, and so does the browser before the
websocket answers. This plugin changes that file at each compile (a Reflex modify task):

- on the server, each state's values are its compiled defaults with the request's changes
  over them (`globalThis.__orionSsrState()`, set per request by `orion_app/ssr/render.mjs`);
- in the browser, `initialState` is the compiled defaults with the same changes merged
  over them (`window.__ORION_STATE__`, written into the page by
  `orion_app/ssr/respond.py`), so React's first render is the server's HTML and hydration
  keeps it.

- in the browser, once the whole page has hydrated, `window.__orionHydrated` is set and an
  `orion:hydrated` event fired (the state provider's first effect), for `boot.py`.

A page that was not server-rendered (a client-side navigation, a dashboard) has no
`__ORION_STATE__` and behaves exactly as before. The texts patched here are Reflex's
generated code: when they are not found (a Reflex upgrade), the compile stops with a
sentence saying so rather than building a frontend whose hydration silently breaks.
"""

import reflex as rx
from reflex.compiler import utils as compiler_utils

SERVER_SNAPSHOT = "getSnapshot: (substateName) => initialState[substateName],"
# Per request, each state's values are its compiled defaults with the request's changes
# over them, made once (useSyncExternalStore wants the same object on every read).
SERVER_SNAPSHOT_SSR = """getSnapshot: (substateName) => {
    const request = globalThis.__orionSsrState?.();
    if (!request?.[substateName]) return initialState[substateName];
    const merged = (request.__merged ??= {});
    return (merged[substateName] ??= { ...initialState[substateName], ...request[substateName] });
  },"""
# The browser's state provider wraps the whole app, so its first effect runs once the
# whole page has hydrated: that is when early taps may be replayed (orion_app/ssr/boot.py).
PROVIDER_EFFECT = "useEffect(() => store.mergeInitialState(initialState), [store, initialState]);"
HYDRATED_SIGNAL = (
    PROVIDER_EFFECT + "\n  useEffect(() => { window.__orionHydrated = true; "
    'window.dispatchEvent(new Event("orion:hydrated")); }, []);'
)
INITIAL_STATE = "export const initialState = {"
COMPILED_STATE = "const compiledInitialState = {"
MERGED_STATE = """
const serverRendered = typeof window !== "undefined" ? window.__ORION_STATE__ : undefined;
export const initialState = serverRendered
  ? Object.fromEntries(Object.entries(compiledInitialState).map(
      ([name, values]) => [name, serverRendered[name] ? { ...values, ...serverRendered[name] } : values]))
  : compiledInitialState;"""


class GeneratedCodeChanged(RuntimeError):
    """Reflex's generated state module no longer has the text server rendering patches."""


def patch_context(source: str) -> str:
    """`utils/context.jsx` with the server's per-request states and the browser's merge."""
    if SERVER_SNAPSHOT_SSR in source:
        return source
    for text in (SERVER_SNAPSHOT, INITIAL_STATE, PROVIDER_EFFECT):
        if source.count(text) != 1:
            raise GeneratedCodeChanged(
                f"Server rendering cannot patch Reflex's utils/context.jsx: `{text}` is not in it "
                "exactly once. Reflex's generated code changed (Orion is built for reflex==0.10.1); "
                "update orion_app/ssr/plugin.py for this Reflex version."
            )
    source = source.replace(SERVER_SNAPSHOT, SERVER_SNAPSHOT_SSR).replace(PROVIDER_EFFECT, HYDRATED_SIGNAL)
    start = source.index(INITIAL_STATE)
    end = source.index("\n", start)
    values = source[start + len(INITIAL_STATE) : end]
    return source[:start] + COMPILED_STATE + values + MERGED_STATE + source[end:]


class ServerRenderingPlugin(rx.plugins.Plugin):
    """Registered in rxconfig.py; see the module docstring."""

    def pre_compile(self, **context) -> None:
        context["add_modify_task"](compiler_utils.get_context_path(), patch_context)
