"""``python -m extractor`` runs the same CLI as the ``extractor`` console script."""

from extractor.cli import main

main()
