// Answers every request with one fixed JSON body: what the runtime and the HTTP stack
// cost with no work behind them.
const BODY = JSON.stringify({ constant: true, note: "seteli bench floor" });

export default {
  fetch() {
    return new Response(BODY, {
      headers: { "content-type": "application/json; charset=utf-8" },
    });
  },
};
