"""Simulated social apps the assistant lives in: feeds, #cart replies, DMs and Buy buttons."""
