#!/usr/bin/env python3
"""A small LSP client that drives a language server over stdio.

usage: lsp_client.py [options] -- SERVER [SERVER ARGS...]

Starts SERVER, initializes it, opens --open FILE (its text read from disk)
and prints the diagnostics the server publishes for it. Each --replace OLD
NEW then edits the open document (an incremental didChange that replaces
the first OLD with NEW) and prints the diagnostics published for the new
version. Output, one block per document version:

    version 1: 2 diagnostic(s)
    17:5-17:16 warning unbounded-thread-creation [clang-tidy] <message>
      href: file:///.../unbounded-thread-creation.md
      related 14:3: <note message>
      quickfix: <title>                         (with --quick-fixes)

Lines and columns are 1-based (LSP's are 0-based). --only PREFIX keeps the
diagnostics whose code starts with PREFIX. Every wait is bounded by
--timeout seconds; on timeout the client says which message it was waiting
for and exits 1. --timing prints to stderr how long each version took from
the notification to its diagnostics; --repeat N applies the edits N times
(alternately forwards and backwards), for latency measurements.
--definition L:C and --complete L:C (1-based) ask for the definition of
the symbol at that position and for completions there, on the opened
version, and print where the definition is and whether completion offered
--expect-item LABEL. --stderr FILE keeps the server's log there. Server-to-client messages
(window/showMessage) are printed at the end, in order.
"""

import argparse
import json
import os
import queue
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request


class Timeout(Exception):
    pass


class Server:
    """JSON-RPC over the server's stdin and stdout."""

    def __init__(self, command, stderr):
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=stderr)
        self.inbox = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            if length is None:
                continue
            self.inbox.put(json.loads(out.read(length)))

    def send(self, message):
        message["jsonrpc"] = "2.0"
        body = json.dumps(message).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def request(self, method, params, deadline, on_other):
        self.next_id += 1
        ident = self.next_id
        self.send({"id": ident, "method": method, "params": params})
        message = self.wait(lambda m: m.get("id") == ident and "method" not in m,
                            deadline, "the reply to " + method, on_other)
        if "error" in message:
            raise RuntimeError("%s failed: %s" % (method, message["error"]))
        return message.get("result")

    def wait(self, wanted, deadline, what, on_other):
        """The first message for which wanted() holds; others go to on_other."""
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Timeout("timed out waiting for " + what)
            try:
                message = self.inbox.get(timeout=left)
            except queue.Empty:
                raise Timeout("timed out waiting for " + what)
            if message is None:
                raise RuntimeError("server exited while waiting for " + what)
            if wanted(message):
                return message
            on_other(self, message)

    def stop(self, deadline):
        try:
            self.request("shutdown", None, deadline, lambda s, m: None)
            self.notify("exit", None)
            self.proc.wait(timeout=max(1, deadline - time.monotonic()))
        except Exception:
            self.proc.kill()
            self.proc.wait()


def uri_of(path):
    return urllib.parse.urljoin("file:", urllib.request.pathname2url(path))


def position_of(text, offset):
    """LSP position (UTF-16 code units) of a character offset in text."""
    before = text[:offset]
    line = before.count("\n")
    column = before[before.rfind("\n") + 1:]
    return {"line": line, "character": len(column.encode("utf-16-le")) // 2}


def show_range(r):
    return "%d:%d-%d:%d" % (r["start"]["line"] + 1, r["start"]["character"] + 1,
                            r["end"]["line"] + 1, r["end"]["character"] + 1)


SEVERITY = {1: "error", 2: "warning", 3: "information", 4: "hint"}


SHOWN = []  # what the server showed the user, printed at the end


def handle_other(server, message):
    """Answers the server's requests; keeps what it shows the user."""
    method = message.get("method")
    if method == "window/showMessage":
        SHOWN.append(message["params"]["message"])
    if "id" in message and method:
        server.send({"id": message["id"], "result": None})


class Session:
    def __init__(self, args):
        self.args = args
        self.deadline = time.monotonic() + args.timeout
        stderr = open(args.stderr, "wb") if args.stderr else subprocess.DEVNULL
        self.server = Server(args.server, stderr)
        self.path = os.path.abspath(args.open)
        self.uri = uri_of(self.path)
        with open(self.path, encoding="utf-8") as f:
            self.text = f.read()
        self.version = 0

    def initialize(self):
        root = os.path.abspath(self.args.root or os.path.dirname(self.path))
        capabilities = {
            "textDocument": {
                "publishDiagnostics": {"relatedInformation": True,
                                       "codeDescriptionSupport": True,
                                       "versionSupport": True},
                "codeAction": {"codeActionLiteralSupport": {
                    "codeActionKind": {"valueSet": ["quickfix"]}}},
                "synchronization": {"didSave": True},
            },
            "window": {"showMessage": {}},
        }
        result = self.server.request("initialize", {
            "processId": os.getpid(), "rootUri": uri_of(root),
            "capabilities": capabilities}, self.deadline, handle_other)
        info = result.get("serverInfo", {})
        print("server: %s %s" % (info.get("name"), info.get("version")))
        self.server.notify("initialized", {})

    def diagnostics(self, version, started):
        def wanted(m):
            return (m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"]["uri"] == self.uri
                    and m["params"].get("version") == version)
        message = self.server.wait(wanted, self.deadline,
                                   "diagnostics of version %d" % version,
                                   handle_other)
        elapsed = time.monotonic() - started
        if self.args.timing:
            sys.stderr.write("timing: version %d: %.0f ms\n"
                             % (version, elapsed * 1000))
        return message["params"]["diagnostics"], elapsed

    def open(self):
        self.version = 1
        started = time.monotonic()
        self.server.notify("textDocument/didOpen", {"textDocument": {
            "uri": self.uri, "languageId": "cpp", "version": 1,
            "text": self.text}})
        return self.diagnostics(1, started)

    def replace(self, old, new):
        offset = self.text.find(old)
        if offset < 0:
            raise RuntimeError("--replace: %r is not in the document" % old)
        change = {"range": {"start": position_of(self.text, offset),
                            "end": position_of(self.text, offset + len(old))},
                  "text": new}
        self.text = self.text[:offset] + new + self.text[offset + len(old):]
        self.version += 1
        started = time.monotonic()
        self.server.notify("textDocument/didChange", {
            "textDocument": {"uri": self.uri, "version": self.version},
            "contentChanges": [change]})
        return self.diagnostics(self.version, started)

    def quick_fixes(self, diagnostic):
        actions = self.server.request("textDocument/codeAction", {
            "textDocument": {"uri": self.uri}, "range": diagnostic["range"],
            "context": {"diagnostics": [diagnostic], "only": ["quickfix"]}},
            self.deadline, handle_other) or []
        return [a["title"] for a in actions if a.get("kind") == "quickfix"]

    def definition(self, where):
        result = self.server.request("textDocument/definition", {
            "textDocument": {"uri": self.uri}, "position": where},
            self.deadline, handle_other) or []
        for location in result if isinstance(result, list) else [result]:
            path = urllib.parse.unquote(urllib.parse.urlparse(location["uri"]).path)
            print("definition: %s:%d" % (os.path.basename(path),
                                         location["range"]["start"]["line"] + 1))

    def complete(self, where, label):
        result = self.server.request("textDocument/completion", {
            "textDocument": {"uri": self.uri}, "position": where},
            self.deadline, handle_other) or {}
        items = result.get("items", []) if isinstance(result, dict) else result
        found = any(i.get("filterText", i["label"]).strip() == label
                    or i["label"].strip().startswith(label) for i in items)
        print("completion: %s %s" % (label, "offered" if found else "missing"))

    def show(self, diagnostics):
        kept = [d for d in diagnostics
                if str(d.get("code", "")).startswith(self.args.only)]
        print("version %d: %d diagnostic(s)" % (self.version, len(kept)))
        for d in kept:
            print("%s %s %s [%s] %s" % (
                show_range(d["range"]), SEVERITY.get(d.get("severity"), "?"),
                d.get("code"), d.get("source"), d["message"]))
            href = d.get("codeDescription", {}).get("href")
            if href:
                print("  href: " + href)
            for related in d.get("relatedInformation", []):
                start = related["location"]["range"]["start"]
                print("  related %d:%d: %s" % (start["line"] + 1,
                                               start["character"] + 1,
                                               related["message"]))
            if self.args.quick_fixes:
                for title in self.quick_fixes(d):
                    print("  quickfix: " + title)
        sys.stdout.flush()


def position_arg(text):
    line, column = text.split(":")
    return {"line": int(line) - 1, "character": int(column) - 1}


def main():
    parser = argparse.ArgumentParser(usage=__doc__)
    parser.add_argument("--open", required=True)
    parser.add_argument("--root")
    parser.add_argument("--replace", nargs=2, action="append", default=[],
                        metavar=("OLD", "NEW"))
    parser.add_argument("--only", default="")
    parser.add_argument("--quick-fixes", action="store_true")
    parser.add_argument("--timing", action="store_true")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--stderr")
    parser.add_argument("--definition", type=position_arg)
    parser.add_argument("--complete", type=position_arg)
    parser.add_argument("--expect-item", default="")
    parser.add_argument("server", nargs="+")
    args = parser.parse_args()

    session = Session(args)
    try:
        session.initialize()
        session.show(session.open()[0])
        if args.definition:
            session.definition(args.definition)
        if args.complete:
            session.complete(args.complete, args.expect_item)
        latencies = []
        for round in range(args.repeat):
            edits = args.replace if round % 2 == 0 else \
                [(new, old) for old, new in reversed(args.replace)]
            for old, new in edits:
                diagnostics, elapsed = session.replace(old, new)
                latencies.append(elapsed)
                if args.repeat == 1:
                    session.show(diagnostics)
        if args.timing and latencies:
            latencies.sort()
            sys.stderr.write(
                "timing: %d edits: median %.0f ms, min %.0f ms, max %.0f ms\n"
                % (len(latencies), latencies[len(latencies) // 2] * 1000,
                   latencies[0] * 1000, latencies[-1] * 1000))
    except (Timeout, RuntimeError) as problem:
        print("lsp_client: error: %s" % problem, flush=True)
        session.server.proc.kill()
        return 1
    session.server.stop(time.monotonic() + 10)
    for text in SHOWN:
        print("showMessage: " + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
