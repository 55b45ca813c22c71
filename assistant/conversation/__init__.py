"""The conversation: one turn from message to grounded reply."""
