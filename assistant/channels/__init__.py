"""Channels: thin adapters (HTTP, social apps, Gradio UI, CLI) over one engine and one
commerce service."""
