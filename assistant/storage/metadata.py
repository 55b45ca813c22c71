"""The one SQLAlchemy MetaData every feature declares its tables on, so that migrations see
the whole schema; each feature keeps its tables in its own `tables.py`."""

from sqlalchemy import MetaData

metadata = MetaData()
