"""The catalogue: products, variants, sellers and reviews, and how they are loaded."""
