"""``python -m newsweave.web [--host H] [--port P] [--db FILE]``: the same as ``newsweave serve``."""

import argparse
import sys

from ..errors import InputError
from . import add_serve_parser, cmd_serve


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newsweave.web")
    args = add_serve_parser(parser.add_subparsers(dest="command")).parse_args(argv)
    try:
        return cmd_serve(args)
    except InputError as e:
        print(f"newsweave: error: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
