// One load run for `cargo xtask bench` (edge): autocannon against BENCH_URL + BENCH_PATH for
// BENCH_SECONDS with BENCH_CONNECTIONS connections. `{n}` in BENCH_PATH becomes a new number
// for every request (so that no two share a cache key). Prints one JSON line: throughput,
// latency and how many answers came from Seteli's edge cache (`x-seteli-cache`).
const autocannon = require("autocannon");

const template = process.env.BENCH_PATH;
let n = 0;
const cache = { hit: 0, miss: 0, none: 0 };

autocannon(
  {
    url: process.env.BENCH_URL,
    connections: Number(process.env.BENCH_CONNECTIONS),
    duration: Number(process.env.BENCH_SECONDS),
    requests: [
      {
        setupRequest(req) {
          n += 1;
          req.path = template.replaceAll("{n}", String(n));
          return req;
        },
        onResponse(status, body, context, headers) {
          const h = headers["x-seteli-cache"];
          cache[h === "hit" || h === "miss" ? h : "none"] += 1;
        },
      },
    ],
  },
  (err, r) => {
    if (err) {
      console.error(err);
      process.exit(1);
    }
    console.log(
      JSON.stringify({
        rps: r.requests.average,
        total: r.requests.total,
        p50_ms: r.latency.p50,
        p99_ms: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        cache,
      }),
    );
  },
);
