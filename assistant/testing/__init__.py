"""Test support shipped with the package: fakes and throw-away servers."""
