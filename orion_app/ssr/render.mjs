// Orion's page renderer: React Router's own request handler over the production server
// build, run by bun. Python (orion_app/ssr/renderer.py) starts one per backend process,
// copies this file into the web folder (so `react-router` resolves from its node_modules)
// and POSTs {url, state} on a Unix socket; the answer is the page's HTML, rendered with
// `state` as the Reflex states' values. The states reach the build's server state store
// (patched by orion_app/ssr/plugin.py) through `globalThis.__orionSsrState`, per request
// (AsyncLocalStorage), so concurrent renders never see each other's values.
import { AsyncLocalStorage } from "node:async_hooks";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "react-router";

const [serverBuild, socketPath] = process.argv.slice(2);
const build = await import(pathToFileURL(serverBuild).href);
const perRequest = new AsyncLocalStorage();
globalThis.__orionSsrState = () => perRequest.getStore();

// `ssr: false` builds render only the paths listed in `prerender`; every path Python asks
// for is one Orion wants rendered, so the list answers yes to any path.
const everyPath = Object.assign([...build.prerender], { some: () => true });
const handle = createRequestHandler({ ...build, prerender: everyPath }, "production");

Bun.serve({
  unix: socketPath,
  async fetch(request) {
    if (request.method === "GET") return new Response("ok");
    const { url, state } = await request.json();
    // A crawler's user agent makes React wait for the whole document (onAllReady).
    const page = new Request(url, { headers: { "user-agent": "orion-ssr-bot" } });
    const response = await perRequest.run(state, () => handle(page));
    return new Response(await response.text(), {
      status: response.status,
      headers: { "content-type": "text/html; charset=utf-8" },
    });
  },
});
console.log(`orion renderer ready on ${socketPath}`);
