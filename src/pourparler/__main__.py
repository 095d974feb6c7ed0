"""``python -m pourparler`` runs the command-line interface."""

from pourparler.cli.app import main

if __name__ == "__main__":
    main()
