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


def start_window(db: str | None) -> int:
    from desktop.system_libs import install_hint, missing_for_window

    missing = missing_for_window()
    if missing:  # Qt would print a paragraph and abort
        print(install_hint(missing), file=sys.stderr)
        return 2  # (cli_common.EXIT_FAILED)
    from desktop.ui.app import run_gui  # Qt is loaded only for the window

    return run_gui(db)


def main() -> int:
    window, db = window_db(sys.argv[1:])
    if window:
        return start_window(db)
    from desktop.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
