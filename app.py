"""Start the app on http://127.0.0.1:7860: settings, assistant (index built on first run), HTTP."""

import logging

import uvicorn

from assistant.channels.http.app import create_app
from assistant.conversation.engine import Assistant
from assistant.settings import get_settings

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    settings = get_settings()
    bot = Assistant.from_settings(settings, progress=True)
    print(f"ShopAssist is ready on http://{settings.host}:{settings.port}", flush=True)
    uvicorn.run(create_app(bot, settings), host=settings.host, port=settings.port)
