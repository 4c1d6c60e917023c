"""unsyndicate: syndicated article pages to clean, structured articles with their provenance.

>>> import unsyndicate
>>> article = unsyndicate.parse_text("A title\\n\\nBy Jane Doe\\n\\nThe first paragraph.")
>>> article.title, article.authors, article.body[0].text
('A title', ('Jane Doe',), 'The first paragraph.')
"""

from .clean import clean
from .errors import ParseError
from .model import Article, Block, Media, Notice, Original, Publisher, Tag
from .pipeline import parse, parse_text
from .serialize import from_dict, to_dict

__all__ = [
    "Article",
    "Block",
    "Media",
    "Notice",
    "Original",
    "ParseError",
    "Publisher",
    "Tag",
    "clean",
    "from_dict",
    "parse",
    "parse_text",
    "to_dict",
]
__version__ = "0.1.0"
