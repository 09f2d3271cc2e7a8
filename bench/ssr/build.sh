#!/usr/bin/env bash
# Build the bench/ssr prototype into $REFLEX_WEB_WORKDIR (default /tmp/ssr_web) and start its
# backend on port 8731. Candidate B needs two edits Reflex 0.10.1 has no option for; in a real
# build a Plugin would make them (pre_compile/post_compile): the product route is prerendered
# once with sentinel values, and the client's initial state is merged with window.__SSR_STATE__.
set -euo pipefail
cd "$(dirname "$0")/proto"
ROOT=$(cd ../../.. && pwd)
export REFLEX_WEB_WORKDIR=${REFLEX_WEB_WORKDIR:-/tmp/ssr_web} REFLEX_USE_SYSTEM_BUN=1
export PATH="$ROOT/.tools/node_modules/.bin:$ROOT/.venv/bin:$PATH"
PORT=8731
reflex export --frontend-only --no-zip
cd "$REFLEX_WEB_WORKDIR"
python3 - <<'PY'
p = "utils/context.jsx"
s = open(p).read().replace("export const initialState = {", "const __defaults = {", 1)
end = s.index("\n", s.index("const __defaults = {"))
s = s[:end] + """
const __ssr = typeof window !== "undefined" ? window.__SSR_STATE__ ?? {} : {};
// In the browser without injected values (a client-side navigation) the sentinels become empty;
// the prerender (no window) keeps them, which is what makes the template.
const __blank = (v) => Object.fromEntries(Object.entries(v).map(([f, x]) => [f,
  typeof x === "string" && /^@@\\w+@@$/.test(x) ? "" :
  Array.isArray(x) && x.length === 1 && /^@@\\w+@@$/.test(x[0]) ? [] : x]));
export const initialState = Object.fromEntries(Object.entries(__defaults).map(
  ([k, v]) => [k, __ssr[k] ? { ...v, ...__ssr[k] } : typeof window === "undefined" ? v : __blank(v)]));""" + s[end:]
open(p, "w").write(s)
p = "react-router.config.js"
s = open(p).read().replace('"prerender": true', '"prerender": ["/", "/products/__tpl__"]')
open(p, "w").write(s)
PY
bun run export
sed -i "s/localhost:8000/localhost:$PORT/g" build/client/assets/reflex-env-*.js
rm -f build/client/assets/reflex-env-*.js.gz
cd - >/dev/null
echo "start: (cd bench/ssr/proto && REFLEX_WEB_WORKDIR=$REFLEX_WEB_WORKDIR reflex run --env prod --backend-only --backend-port $PORT)"
