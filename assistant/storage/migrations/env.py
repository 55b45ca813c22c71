"""Alembic environment: runs on the connection that `assistant.storage.engine` hands over.

`target_metadata` is only needed to autogenerate a revision (scripts/new_migration.py passes
the whole schema); upgrading runs the explicit revisions alone.
"""

from alembic import context

context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=context.config.attributes.get("metadata"),
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
