"""The one exception the library raises on purpose."""


class ParseError(ValueError):
    """Nothing article-like can be extracted from the input (empty, binary noise, not a page)."""
