"""Understanding a message: intents, slots and the rule planner."""
