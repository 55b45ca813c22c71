# The ShopAssist app on CPU: the packaged model, PostgreSQL driver and ONNX runtime.
# Used by compose.yaml for both the app (`shopassist serve --workers N`) and the Chroma
# server (`chroma run`, the same chromadb version as the client).
FROM python:3.11-slim

ENV PIP_NO_CACHE_DIR=1 \
    PYTHONUNBUFFERED=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    GRADIO_ANALYTICS_ENABLED=False \
    ANONYMIZED_TELEMETRY=False

WORKDIR /app
# The CPU wheel first and pinned: a plain `torch` from PyPI pulls gigabytes of CUDA.
RUN pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu
COPY pyproject.toml README.md app.py ./
COPY assistant ./assistant
RUN pip install -e '.[postgres,onnx]'

# Index models (ONNX exports), trained evidence models: on a volume, not in the image.
ENV INDEX_DIR=/var/lib/shopassist/index \
    MODELS_DIR=/var/lib/shopassist/models \
    ONNX_DIR=/var/lib/shopassist/models/onnx \
    DATA_DIR=/var/lib/shopassist/var
RUN mkdir -p /var/lib/shopassist/index /var/lib/shopassist/models /var/lib/shopassist/var

EXPOSE 7860
CMD ["shopassist", "serve", "--host", "0.0.0.0", "--port", "7860", "--workers", "4"]
