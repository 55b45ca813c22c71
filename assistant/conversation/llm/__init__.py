"""The optional LLM planner: chat model backends, the tool-calling agent, prompts."""
