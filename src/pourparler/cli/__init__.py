"""The ``pourparler`` command line."""
