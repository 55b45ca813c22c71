"""ACP: the Agentic Commerce Protocol's checkout API (version 2026-01-16) and product feed.

`routes.mount_acp` serves checkout sessions under `/acp` (`checkouts.py` over the commerce
service), checked by `security.py` (bearer key, API version, request signature) and
`idempotency.py`; `payments.py` simulates the delegated payment provider; `feed.py` writes
the product feed.
"""
