"""Storage: the database engine, transactions and schema migrations."""
