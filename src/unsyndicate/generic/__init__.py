"""Generic extraction: the pieces every page without a publisher adapter goes through.

They are reusable: an adapter that knows a site's article region still gets the generic
boilerplate removal inside it, and the generic metadata for the fields it does not describe.
"""
