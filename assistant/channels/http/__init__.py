"""The HTTP channel: the FastAPI app, its routes, guards, views and static files."""
