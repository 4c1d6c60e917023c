"""Parse a repost from HTML and from text, and print its provenance.

Run: python examples/python_api.py
"""

from pathlib import Path

import unsyndicate

HERE = Path(__file__).parent

html_page = HERE / "globalresearch-repost.html"
from_html = unsyndicate.parse(html_page.read_bytes(), url="https://www.globalresearch.ca/x/5706268")
from_text = unsyndicate.parse_text((HERE / "globalresearch-seed.txt").read_text(encoding="utf-8"))

for article in (from_html, from_text):
    original = article.original
    print(article.title)
    print(f"  by {', '.join(article.authors)}; adapter {article.adapter}")
    if original is not None:
        print(f"  first published by {original.name} on {original.published}")
    if article.publisher is not None:
        print(f"  republished by {article.publisher.name} on {article.published}")
    counts = (len(article.body), len(article.media), len(article.notices))
    print("  {} body blocks, {} media, {} notices".format(*counts))
    for notice in article.notices:
        print(f"    [{notice.kind}] ({notice.owner}) {notice.text[:60]}")

assert unsyndicate.from_dict(unsyndicate.to_dict(from_html)) == from_html
