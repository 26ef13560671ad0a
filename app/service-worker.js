// Seteli's service worker: the app opens without a connection.
//
// `cargo xtask` writes it to dist/sw.js after each build, with BUILD filled in: the build's
// version, and each entry's page and files (seteli_domain::entries). A new build is a new
// file, which the browser installs beside the running one; the page then offers to reload
// (app/src/offline.rs) and only the reload switches versions, so old code never meets a
// new API unawares.
//
// What it keeps:
// - the app: the public entry's files at install, and the files of every entry this
//   browser has opened before (so a producer's pages survive a new version); any other
//   entry's files when first used. Files with a content hash are never asked for again.
// - the comparison: the last answers of /api/public/* (the catalogue in each language and
//   only the last list of offers), used when the network fails.
// - a producer's pages: the last answers of who is logged in and of the company's home
//   and vouchers, asked from a producer page (names and numbers, no identity codes), used
//   when the network fails; deleted at logout and when the session has ended.

const BUILD = /*BUILD*/ {};

const APP_CACHE = "seteli-app-" + BUILD.version;
const PUBLIC_DATA = "seteli-public-data";
const PRODUCER_DATA = "seteli-producer-data";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(APP_CACHE);
      const wanted = [];
      for (const entry of BUILD.entries) {
        if (entry.public || (await openedBefore(entry))) {
          wanted.push(entry.page, ...entry.files);
        }
      }
      await cache.addAll(wanted);
      // The first version takes over at once; a later one waits for the page's reload.
      if (!self.registration.active) await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("seteli-app-") && name !== APP_CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// The page's "reload" button.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && url.pathname === "/api/auth/logout") {
    event.respondWith(caches.delete(PRODUCER_DATA).then(() => fetch(request)));
    return;
  }
  if (request.method !== "GET") return;
  if (request.mode === "navigate") {
    // The login's redirects and the like are the edge's, never an entry's page.
    if (!url.pathname.startsWith("/api/")) event.respondWith(page(request, url));
  } else if (url.pathname.startsWith("/api/public/")) {
    event.respondWith(publicData(request, url));
  } else if (isProducerData(url)) {
    event.respondWith(producerData(request, url));
  } else if (!url.pathname.startsWith("/api/")) {
    event.respondWith(appFile(request));
  }
});

// A page: the network's answer (which is the entry's page, kept for later), else the kept
// page of the entry that answers the path.
async function page(request, url) {
  const entry = entryFor(url.pathname);
  try {
    const response = await fetch(request);
    const isPage = (response.headers.get("content-type") || "").startsWith("text/html");
    if (response.ok && isPage) {
      const cache = await caches.open(APP_CACHE);
      await cache.put(entry.page, response.clone());
    }
    return response;
  } catch (error) {
    const kept = await caches.match(entry.page, { cacheName: APP_CACHE });
    return kept || offlinePage();
  }
}

// The app's own files: kept ones first (a hashed name never changes), else the network's.
async function appFile(request) {
  const cache = await caches.open(APP_CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && isBuildFile(new URL(request.url).pathname)) {
    await cache.put(request, response.clone());
  }
  return response;
}

async function publicData(request, url) {
  const cache = await caches.open(PUBLIC_DATA);
  try {
    const response = await fetch(request);
    if (response.ok) {
      if (url.pathname === "/api/public/offers") {
        // Only the last comparison is kept.
        for (const old of await cache.keys()) {
          if (new URL(old.url).pathname === "/api/public/offers") await cache.delete(old);
        }
      }
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    return (await cache.match(request)) || Promise.reject(error);
  }
}

function isProducerData(url) {
  return (
    url.pathname === "/api/auth/me" ||
    url.pathname === "/api/producer/home" ||
    /^\/api\/producer\/vouchers\/\d+$/.test(url.pathname)
  );
}

async function producerData(request, url) {
  const fromProducerPage = entryFor(new URL(request.referrer || "/", self.location).pathname).keepsData;
  try {
    const response = await fetch(request);
    if (response.status === 401) {
      await caches.delete(PRODUCER_DATA);
    } else if (response.ok && fromProducerPage) {
      const cache = await caches.open(PRODUCER_DATA);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const kept = fromProducerPage && (await caches.match(request, { cacheName: PRODUCER_DATA }));
    return kept || Promise.reject(error);
  }
}

// The entry that answers `path`, as seteli_domain::entries::Entry::for_path decides.
function entryFor(path) {
  const claims = (claimed) => (claimed.endsWith("/") ? path.startsWith(claimed) : path === claimed);
  return BUILD.entries.find((e) => e.paths.some(claims)) || BUILD.entries.find((e) => e.public);
}

async function openedBefore(entry) {
  for (const name of await caches.keys()) {
    if (name.startsWith("seteli-app-") && (await (await caches.open(name)).match(entry.page))) {
      return true;
    }
  }
  return false;
}

function isBuildFile(path) {
  return BUILD.entries.some((e) => e.files.includes(path));
}

function offlinePage() {
  const text =
    "<!DOCTYPE html><meta charset=utf-8><meta name=viewport content='width=device-width'>" +
    "<title>Seteli</title><h1>Seteli</h1>" +
    "<p lang=fi>Ei verkkoyhteyttä. Tätä sivua ei ole tallennettu laitteelle.</p>" +
    "<p lang=sv>Ingen nätverksanslutning. Sidan har inte sparats på enheten.</p>" +
    "<p lang=en>No connection. This page has not been saved on this device.</p>";
  return new Response(text, { status: 503, headers: { "content-type": "text/html; charset=utf-8" } });
}
