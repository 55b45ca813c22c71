"""Start the app on http://127.0.0.1:7860: settings, assistant (index built on first run), HTTP."""

import logging

import uvicorn

from assistant.channels.http.app import create_app
from assistant.settings import Settings, offline_environment
from assistant.wiring import build_assistant, settle_heap

if __name__ == "__main__":
    offline_environment()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    settings = Settings()
    bot = build_assistant(settings, progress=True)
    app = create_app(bot, settings)
    settle_heap()
    print(f"ShopAssist is ready on http://{settings.host}:{settings.port}", flush=True)
    uvicorn.run(app, host=settings.host, port=settings.port)
