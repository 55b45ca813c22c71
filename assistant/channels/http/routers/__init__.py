"""One APIRouter per area of the HTTP API: chat, catalogue, cart and orders, the widget."""
