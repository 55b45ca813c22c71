"""Search: embeddings, the vector index, keyword ranking, filters and review evidence."""
