"""MCP: the shop as tools and resources for other agents (stdio and streamable HTTP).

`server.build_mcp_server` wires the tools (`tools.py`) over the commerce service and search;
`sessions.py` maps each MCP session onto a server-issued shop session; `confirm.py` and
`pages.py` make sure only the shopper's own confirmation places an order.
"""
