# normalize in shell pipelines: the README's "Shell" section, example by example.
#
# Run it where it sits: `cd examples && sh shell.sh` (with normalize and jq on PATH). The examples
# run in a scratch folder that this header makes (and removes at the end) from the pages beside
# it: page.html (one HTML page), dump.txt (a page as text) and pages/ (three pages). Each example
# prints the lines marked "#>" below it; tests/test_cli_readme_examples.py checks them.
cd "$(dirname "$0")" || exit 1
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
mkdir "$work/pages"
cp globalresearch-repost.html "$work/page.html"
cp globalresearch-seed.txt "$work/dump.txt"
cp globalresearch-repost.html "$work/pages/repost-2020-layout.html"
cp globalresearch-repost-current.html "$work/pages/repost-current-layout.html"
cp globalresearch-seed.txt "$work/pages/seed-2020-text.txt"
cd "$work" || exit 1

# One page from stdin with its address (as `curl -s URL | normalize --url URL` would give it):
normalize --url https://www.globalresearch.ca/video-iranian-backed-forces-iraq-raise-stakes-rocket-attack-kills-several-us-coalition-troops-iraq/5706268 < page.html | jq -r '.original.name, .publisher.name'
#> South Front
#> Global Research

# A directory, recursively, to JSON lines: one Article per page, with its path.
normalize pages/ > articles.jsonl
jq -r '[.path, .adapter, .published] | @tsv' articles.jsonl
#> pages/repost-2020-layout.html	globalresearch	2020-03-16
#> pages/repost-current-layout.html	globalresearch	2020-03-16
#> pages/seed-2020-text.txt	globalresearch	2020-03-16

# The body as plain text, for the usual text tools.
normalize dump.txt --format text | wc -w
#> 604

# Only the fields you need; gzipped pages are read as they are.
gzip -k page.html && normalize page.html.gz --fields title,authors | jq -c .
#> {"title":"Video: Iranian-backed Forces in Iraq Raise Stakes. Rocket Attack Kills Several US Coalition Troops in Iraq","authors":["South Front"]}

# Who republished whom, across a corpus.
normalize pages/ | jq -r 'select(.syndicated) | "\(.original.name) -> \(.publisher.name)"' | sort | uniq -c
#>       3 South Front -> Global Research

# A readable markdown file per page (provenance on top, notices after a rule).
normalize pages/ --format markdown -o md/ && ls md/
#> repost-2020-layout.md
#> repost-current-layout.md
#> seed-2020-text.md

# A bad input never stops the batch: it gets an error record, and the exit code says so.
printf '' > empty.html
normalize pages/ empty.html --quiet > all.jsonl; echo "exit code $?"
jq -c 'select(.error) | [.path, .error.type]' all.jsonl
#> exit code 1
#> ["empty.html","ParseError"]

# Any file list works, here from find; --jobs sets the number of worker processes.
find pages -name '*.html' -print0 | xargs -0 normalize --jobs 2 --fields title | jq -r .title | uniq
#> Video: Iranian-backed Forces in Iraq Raise Stakes. Rocket Attack Kills Several US Coalition Troops in Iraq

# Text repair alone: mojibake, entities, odd spaces.
printf 'Caf\303\203\302\251 &amp;  bar\n' | normalize clean
#> Café & bar

# The JSON Schema every record follows, and the adapters there are.
normalize schema | jq -r '."$defs".Article.required[]'
normalize adapters | grep -A1 '^globalresearch'
#> title
#> globalresearch (builtin)
#>   hosts:      globalresearch.ca
