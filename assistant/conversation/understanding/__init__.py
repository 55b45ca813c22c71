"""Understanding a message: dialogue acts, slots, product references and the rule planner."""
