#!/usr/bin/env sh
# The seed and the HTML page through the normalize command. Run from the repository root.
set -eu
normalize examples/globalresearch-seed.txt > /tmp/unsyndicate-seed.json
normalize < examples/globalresearch-repost.html > /tmp/unsyndicate-repost.json
python3 -c 'import json; a = json.load(open("/tmp/unsyndicate-seed.json")); print(a["original"]["name"], "->", a["publisher"]["name"])'
