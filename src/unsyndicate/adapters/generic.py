"""The generic adapter: every rule is the pipeline's own fallback."""

from ..adapter import GENERIC

ADAPTER = GENERIC
