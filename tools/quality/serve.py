#!/usr/bin/env python3
"""Serve a built site on 127.0.0.1 for measuring it.

Usage: serve.py ROOT PORTFILE [--plain]

Serves the folder ROOT on a free port of 127.0.0.1 and writes the port to
PORTFILE once it listens. Text files (HTML, CSS, JS, SVG, JSON, XML, CSV)
are sent gzip-compressed to clients that accept it, as GitHub Pages and
most static hosts send them; --plain turns compression off. Only GET and
HEAD are answered. Stops on SIGTERM or Ctrl-C.
"""

import gzip
import http.server
import os
import signal
import sys

COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "application/atom+xml",
    "image/svg+xml",
)


class Handler(http.server.SimpleHTTPRequestHandler):
    compress = True

    def log_message(self, format, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) or not self.compress:
            return super().send_head()
        ctype = self.guess_type(path)
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or not ctype.startswith(COMPRESSIBLE):
            return super().send_head()
        try:
            with open(path, "rb") as f:
                body = gzip.compress(f.read(), 6, mtime=0)
        except OSError:
            self.send_error(404, "File not found")
            return None
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    root, portfile = sys.argv[1], sys.argv[2]
    Handler.compress = "--plain" not in sys.argv[3:]

    def handler(*args, **kwargs):
        return Handler(*args, directory=root, **kwargs)

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with open(portfile + ".tmp", "w") as f:
        f.write(str(httpd.server_address[1]))
    os.replace(portfile + ".tmp", portfile)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
