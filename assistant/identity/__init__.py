"""Identity: server-issued sessions, shopper accounts and abuse limits (see `service.py`)."""
