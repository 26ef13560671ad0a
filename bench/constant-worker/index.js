// The floors of `cargo xtask bench`'s edge figures. `/` answers one fixed JSON body: what
// the runtime and the HTTP stack cost with no work behind them. `/d1` also makes the
// smallest D1 round trip (`SELECT 1`) first: what one query costs under this wrangler,
// which every uncached answer from a database pays at least once.
const BODY = JSON.stringify({ constant: true, note: "seteli bench floor" });

export default {
  async fetch(request, env) {
    if (new URL(request.url).pathname === "/d1") {
      await env.DB.prepare("SELECT 1 AS one").first();
    }
    return new Response(BODY, {
      headers: { "content-type": "application/json; charset=utf-8" },
    });
  },
};
