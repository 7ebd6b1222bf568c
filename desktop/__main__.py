"""``python -m desktop``: the window (``[--db DB]``), or a command (``desktop.cli``).

Starting the window reads its one option here: the commands' parser and their modules
(import, export and merge machinery, loaded with ``desktop.cli``) are left for a command."""

import argparse
import sys


def window_db(argv: list[str]) -> tuple[bool, str | None]:
    """Whether ``argv`` starts the window (no command, no other option), and its ``--db``."""
    parser = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    parser.add_argument("--db")
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:  # (the commands' parser says what is wrong)
        return False, None
    return not rest, args.db


def main() -> int:
    window, db = window_db(sys.argv[1:])
    if window:
        from desktop.ui.app import start

        return start(db)
    from desktop.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
