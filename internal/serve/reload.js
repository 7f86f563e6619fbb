// Live-reload client of the plotline preview server. It listens to the
// server's event stream next to this script and reloads the page, swaps in
// fresh stylesheets, or shows the errors of a failed build over the page.
// The pages of a browser share one stream through a shared worker
// (reload-worker.js), since a browser opens at most six connections to a
// host: a stream for each page would hold them all once six were open.
// Without shared workers, each page opens its own.
(() => {
  "use strict";

  const script =
    document.currentScript ||
    document.querySelector('script[src$="/_plotline/reload.js"]');
  if (!script || typeof EventSource === "undefined") {
    return;
  }
  const events = new URL("events", script.src).href;
  // since is the generation of the server's events the page is up to
  // date with: the one it was served at, then that of each reload and css
  // event it gets. The events it may have missed since it was served are
  // sent first: a rebuild can end between the page and its connection.
  let since = /^\d+$/.test(script.dataset.since || "")
    ? Number(script.dataset.since)
    : null;
  const scrollKey = "plotline-reload-scroll:" + location.pathname;
  const overlayID = "plotline-reload-error-overlay";

  // canonical turns a URL path into the form used to compare paths:
  // decoded segment by segment (so that %3F and %23, which decodeURI
  // keeps, are ? and # as in the server's paths), and without a final
  // "index.html".
  const canonical = (p) =>
    p
      .split("/")
      .map((seg) => {
        try {
          return decodeURIComponent(seg);
        } catch (e) {
          return seg; // not valid percent-encoding: as it is
        }
      })
      .join("/")
      .replace(/\/index\.html$/, "/");

  // names reports whether paths, from an event, names path; an empty list
  // names every path.
  const names = (paths, path) => {
    if (paths.length === 0) {
      return true;
    }
    const want = canonical(path);
    return paths.some((p) => canonical(p) === want);
  };

  // parse returns the paths and errors of an event's JSON data, or null.
  const parse = (text) => {
    try {
      const data = JSON.parse(text);
      if (data === null || typeof data !== "object") {
        return null;
      }
      const strings = (v) =>
        Array.isArray(v) ? v.filter((s) => typeof s === "string") : [];
      return { paths: strings(data.paths), errors: strings(data.errors) };
    } catch (err) {
      return null;
    }
  };

  const reload = () => {
    try {
      sessionStorage.setItem(scrollKey, String(window.scrollY));
    } catch (e) {
      // Storage may be disabled; the page then reloads at the top.
    }
    location.reload();
  };

  const restoreScroll = () => {
    let saved = null;
    try {
      saved = sessionStorage.getItem(scrollKey);
      sessionStorage.removeItem(scrollKey);
    } catch (e) {
      return;
    }
    const y = Number(saved);
    if (saved === null || !Number.isFinite(y)) {
      return;
    }
    const apply = () => window.scrollTo(0, y);
    if (document.readyState === "complete") {
      apply();
    } else {
      window.addEventListener("load", apply, { once: true });
    }
  };

  const swapStylesheets = (paths) => {
    const links = document.querySelectorAll('link[rel~="stylesheet" i]');
    for (const link of links) {
      if (link.dataset.plotlineStale) {
        continue; // an old copy still waiting for its replacement
      }
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin || !names(paths, url.pathname)) {
        continue;
      }
      url.searchParams.set("v", String(Date.now()));
      const fresh = link.cloneNode(false);
      fresh.href = url.href;
      link.dataset.plotlineStale = "1";
      fresh.addEventListener("load", () => link.remove(), { once: true });
      fresh.addEventListener(
        "error",
        () => {
          fresh.remove();
          delete link.dataset.plotlineStale;
        },
        { once: true },
      );
      link.after(fresh);
    }
  };

  const hideErrors = () => {
    const old = document.getElementById(overlayID);
    if (old) {
      old.remove();
    }
  };

  const overlayStyle = `
    .box {
      max-height: 80vh;
      overflow: auto;
      background: #fff5f5;
      color: #1a1a1a;
      border-bottom: 3px solid #8b0000;
      box-shadow: 0 4px 16px rgba(0, 0, 0, 0.35);
      font: 14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    .header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      padding: 8px 16px;
      background: #8b0000;
      color: #fff;
      font-weight: bold;
      font-size: 16px;
    }
    button {
      background: none;
      border: 0;
      color: inherit;
      font: inherit;
      font-size: 20px;
      line-height: 1;
      cursor: pointer;
    }
    .errors {
      margin: 0;
      padding: 12px 16px;
    }
    .line {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      padding: 2px 0;
    }
  `;

  const showErrors = (lines) => {
    hideErrors();
    const host = document.createElement("div");
    host.id = overlayID;
    host.setAttribute(
      "style",
      "all: initial; display: block; position: fixed; top: 0; left: 0; right: 0; z-index: 2147483647;",
    );
    const shadow = host.attachShadow({ mode: "open" });

    const style = document.createElement("style");
    style.textContent = overlayStyle;

    const box = document.createElement("div");
    box.className = "box";
    box.setAttribute("role", "alert");

    const header = document.createElement("div");
    header.className = "header";
    const title = document.createElement("span");
    title.textContent = "Build failed";
    const close = document.createElement("button");
    close.type = "button";
    close.title = "Hide";
    close.setAttribute("aria-label", "Hide");
    close.textContent = "\u00d7";
    close.addEventListener("click", hideErrors);
    header.append(title, close);

    const list = document.createElement("div");
    list.className = "errors";
    for (const text of lines.length > 0 ? lines : ["(no details)"]) {
      const line = document.createElement("div");
      line.className = "line";
      line.textContent = text;
      list.append(line);
    }

    box.append(header, list);
    shadow.append(style, box);
    (document.body || document.documentElement).append(host);
  };

  // handle acts on one event of the server's: its kind, its data (JSON
  // text) and, for a reload or css event, its generation.
  const handle = (kind, data, id) => {
    if (Number.isSafeInteger(id) && (since === null || id > since)) {
      since = id;
    }
    if (kind === "restart") {
      reload(); // the server came back: the page may be stale
      return;
    }
    if (kind === "ok") {
      hideErrors();
      return;
    }
    const ev = parse(data);
    if (ev === null) {
      return;
    }
    if (kind === "reload") {
      hideErrors();
      if (names(ev.paths, location.pathname)) {
        reload();
      }
    } else if (kind === "css") {
      swapStylesheets(ev.paths);
    } else if (kind === "error") {
      showErrors(ev.errors);
    }
  };

  let source = null; // the page's own event stream
  let port = null; // or its port to the shared worker

  const connectOwn = () => {
    let failed = false;
    const url = new URL(events);
    if (since !== null) {
      url.searchParams.set("since", String(since));
    }
    source = new EventSource(url.href);
    source.addEventListener("open", () => {
      if (failed) {
        handle("restart");
      }
    });
    for (const kind of ["reload", "css", "ok"]) {
      source.addEventListener(kind, (e) => {
        const id = /^\d+$/.test(e.lastEventId) ? Number(e.lastEventId) : null;
        handle(kind, e.data, kind === "ok" ? null : id);
      });
    }
    source.addEventListener("error", (e) => {
      // A lost connection is a plain Event; a failed build is a
      // MessageEvent sent by the server under the same name.
      if (!(e instanceof MessageEvent)) {
        failed = true;
        return;
      }
      handle("error", e.data);
    });
  };

  // connectShared connects to the shared worker, and reports whether
  // there is one; should the worker fail to start, the page opens its own
  // stream.
  const connectShared = () => {
    if (typeof SharedWorker === "undefined") {
      return false;
    }
    let worker;
    try {
      worker = new SharedWorker(new URL("reload-worker.js", script.src).href);
    } catch (e) {
      return false; // a policy of the page's forbids it
    }
    const p = worker.port;
    const fallBack = () => {
      if (port === p) {
        p.close();
        port = null;
        connectOwn();
      }
    };
    worker.addEventListener("error", fallBack);
    p.addEventListener("message", (m) => {
      const msg = m.data;
      if (msg === null || typeof msg !== "object" || typeof msg.kind !== "string") {
        return;
      }
      if (msg.kind === "unsupported") {
        fallBack();
        return;
      }
      handle(msg.kind, msg.data, msg.id);
    });
    p.start();
    p.postMessage({ events, since });
    port = p;
    return true;
  };

  const connect = () => {
    if (!connectShared()) {
      connectOwn();
    }
  };

  window.addEventListener("pagehide", () => {
    if (port !== null) {
      port.postMessage({ bye: true });
      port.close();
      port = null;
    }
    if (source !== null) {
      source.close();
      source = null;
    }
  });
  window.addEventListener("pageshow", (e) => {
    if (e.persisted && port === null && source === null) {
      connect();
    }
  });

  restoreScroll();
  connect();
})();
