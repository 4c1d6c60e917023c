"""The one exception the library raises on purpose."""


class ParseError(ValueError):
    """Nothing article-like can be extracted from the input (empty, binary noise, not a page), or
    the input is a big page of tags too small to parse within time and memory bounds."""
