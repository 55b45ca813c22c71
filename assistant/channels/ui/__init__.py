"""The Gradio app: layout in blocks.py, what each control does in actions.py."""
