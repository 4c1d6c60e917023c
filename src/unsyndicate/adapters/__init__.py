"""Publisher adapters: one module each, defining ``ADAPTER``; discovered by the registry."""
