"""Commerce: carts, stock, checkout, orders, returns and the audit log; typed, no English."""
