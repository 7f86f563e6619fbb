// Shared worker of the plotline preview server's live-reload client: the
// open pages of a site in one browser share its one event stream. A
// browser opens at most six connections to a host over HTTP/1.1, and a
// stream for each page held them all once six pages were open: a seventh
// page never loaded.
//
// A page sends {events, since} when it connects: the address of the event
// stream and the generation of the server's events it was served at (its
// script tag's data-since). It sends {bye: true} when it goes away. The
// worker sends each page {kind, data, id}: the build error shown now, and
// each reload and css event it has not seen (id, the event's generation,
// is how the worker tells), including those that came between the page
// and its connection; "restart" when the server came back after the
// stream was lost.
"use strict";

// keep is how many reload and css events the worker keeps for a page that
// connects after them.
const keep = 32;

// pages maps each page's port to the generation of the last event it was
// sent, or null when it is not known.
const pages = new Map();
let source = null;
// log holds the latest reload and css events, the oldest first; every
// event after generation base is in it.
let log = [];
let base = 0;
let lastError = null; // the data of the error event to show, or null
let failed = false; // the stream was lost and is being opened again

const send = (port, msg) => {
  try {
    port.postMessage(msg);
  } catch (e) {
    pages.delete(port);
  }
};

// stop closes the stream and forgets it: the next page to connect opens
// another one.
const stop = () => {
  if (source !== null) {
    source.close();
  }
  source = null;
  log = [];
  lastError = null;
  failed = false;
};

// relay sends a reload or css event to every page that has not seen it.
const relay = (kind, data, id) => {
  if (id === null) {
    for (const port of pages.keys()) {
      send(port, { kind, data });
    }
    return;
  }
  if (log.length === 0 || id > log[log.length - 1].id) {
    log.push({ kind, data, id });
    while (log.length > keep) {
      base = log.shift().id;
    }
  }
  for (const [port, seen] of pages) {
    if (seen !== null && id <= seen) {
      continue;
    }
    pages.set(port, id);
    send(port, { kind, data, id });
  }
};

const open = (events, since) => {
  stop();
  base = since === null ? 0 : since;
  const url = new URL(events);
  if (since !== null) {
    url.searchParams.set("since", String(since));
  }
  source = new EventSource(url.href);
  source.addEventListener("open", () => {
    if (failed) {
      // The server came back, perhaps another one, counting generations
      // from 0 again: every page reloads and connects anew.
      for (const port of pages.keys()) {
        send(port, { kind: "restart" });
      }
      pages.clear();
      stop();
    }
  });
  for (const kind of ["reload", "css"]) {
    source.addEventListener(kind, (e) => {
      if (kind === "reload") {
        lastError = null;
      }
      const id = /^\d+$/.test(e.lastEventId) ? Number(e.lastEventId) : null;
      relay(kind, e.data, id);
    });
  }
  source.addEventListener("error", (e) => {
    // A lost connection is a plain Event; a failed build is a
    // MessageEvent sent by the server under the same name.
    if (!(e instanceof MessageEvent)) {
      failed = true;
      return;
    }
    lastError = e.data;
    for (const port of pages.keys()) {
      send(port, { kind: "error", data: e.data });
    }
  });
  source.addEventListener("ok", (e) => {
    lastError = null;
    for (const port of pages.keys()) {
      send(port, { kind: "ok", data: e.data });
    }
  });
};

// join registers the page on port, served at generation since, and sends
// it what it has missed.
const join = (port, events, since) => {
  if (typeof EventSource === "undefined") {
    send(port, { kind: "unsupported" });
    return;
  }
  if (source === null) {
    pages.set(port, since);
    open(events, since);
    return;
  }
  if (lastError !== null) {
    send(port, { kind: "error", data: lastError });
  }
  let seen = since;
  if (since !== null && since < base) {
    // Served before the oldest event kept: what it missed is not known.
    send(port, { kind: "reload", data: "{}" });
  } else {
    for (const ev of log) {
      if (since === null || ev.id > since) {
        send(port, ev);
        seen = ev.id;
      }
    }
  }
  pages.set(port, seen);
};

self.addEventListener("connect", (e) => {
  const port = e.ports[0];
  port.addEventListener("message", (m) => {
    const msg = m.data;
    if (msg === null || typeof msg !== "object") {
      return;
    }
    if (msg.bye === true) {
      pages.delete(port);
      if (pages.size === 0) {
        stop();
      }
      return;
    }
    if (typeof msg.events === "string") {
      join(port, msg.events, Number.isSafeInteger(msg.since) && msg.since >= 0 ? msg.since : null);
    }
  });
  port.start();
});
