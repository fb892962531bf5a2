#!/usr/bin/env python3
"""usage: write_compile_commands.py DIR FILE... -- FLAGS...

Writes DIR/compile_commands.json with one clang++ entry per FILE."""
import json
import sys

args = sys.argv[1:]
split = args.index("--")
directory, files, flags = args[0], args[1:split], args[split + 1:]
entries = [{"directory": directory, "file": f,
            "arguments": ["clang++", "-c"] + flags + [f]} for f in files]
with open(directory + "/compile_commands.json", "w") as out:
    json.dump(entries, out, indent=1)
