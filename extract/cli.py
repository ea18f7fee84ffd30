"""The ``rectrack`` command line: a thin layer over :mod:`extract.pipeline` and :mod:`extract.writers`.

Data goes to stdout only (``-o -``); every message goes to stderr, one line per
problem: ``error: PATH: reason``, ``warning: PATH: reason``, ``note: PATH: reason``,
then a summary line. Exit status: 0 all files read, 1 some failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from . import __version__
from .errors import RectrackError
from .pipeline import expand_paths, extract_file
from .records import FileResult
from .writers import SUFFIXES, check_destination, write

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rectrack",
        description="Find recommendation tracking tables in committee papers and export them as clean rows.",
    )
    parser.add_argument("--version", action="version", version=f"rectrack {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    ext = commands.add_parser(
        "extract",
        help="extract tracking-table rows from papers",
        description="Extract recommendation rows from PDF, Word (.docx), HTML and text papers. "
                    "Folders are searched recursively.",
        epilog="Example: rectrack extract papers/ -o tracker.jsonl",
    )
    ext.add_argument("paths", nargs="+", metavar="PATH", help="paper files or folders")
    ext.add_argument("-o", "--output", action="append", metavar="OUT",
                     help=f"output file; its extension picks the format ({', '.join(SUFFIXES)}); "
                          "'-' (the default) writes JSON Lines to stdout; give -o several times for several outputs")
    ext.add_argument("--password", default=None, help="password for encrypted PDFs")
    ext.add_argument("-q", "--quiet", action="store_true", help="print only errors and the summary line")
    return parser


def main(argv: Sequence[str] | None = None, *, stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> int:
    err = stderr or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 for --help/--version
        return int(exc.code or 0)
    if args.command is None:
        parser.print_usage(err)
        print("rectrack: error: a command is required (try: rectrack extract --help)", file=err)
        return EXIT_USAGE
    return run_extract(args, stdout=stdout or sys.stdout, stderr=err, argv=list(argv if argv is not None else sys.argv[1:]))


def run_extract(args: argparse.Namespace, *, stdout: IO[str], stderr: IO[str], argv: Sequence[str] = ()) -> int:
    outputs = args.output or ["-"]
    try:
        for dest in outputs:
            check_destination(dest)
    except RectrackError as exc:
        print(f"rectrack: error: {exc}", file=stderr)
        return EXIT_USAGE
    files, skipped = expand_paths(args.paths)
    _report_skipped(args.paths, skipped, stderr, args.quiet)
    results: list[FileResult] = []
    for path in sorted(files, key=str):
        result = extract_file(path, password=args.password)
        for issue in result.issues:
            if issue.level == "error" or not args.quiet:
                print(issue, file=stderr)
        results.append(result)
    write_failed = False
    command = "rectrack " + " ".join(shlex.quote(a) for a in argv)
    for dest in outputs:
        try:
            if dest == "-":
                _write_stdout(results, stdout)
            else:
                write(results, dest, command=command)
        except RectrackError as exc:
            print(f"error: {exc}", file=stderr)
            write_failed = True
    _summary(results, stderr)
    return EXIT_FAILED if write_failed or any(r.failed for r in results) else EXIT_OK


def _write_stdout(results: list[FileResult], stdout: IO[str]) -> None:
    from .writers.jsonl import write_jsonl

    try:
        write_jsonl((row for r in results for row in r.rows), stdout)
        stdout.flush()
    except BrokenPipeError:  # the reader went away (e.g. `| head`): stop quietly
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _report_skipped(paths: Sequence[str], skipped: list[Path], stderr: IO[str], quiet: bool) -> None:
    if not skipped or quiet:
        return
    kinds = Counter(p.suffix.lower() or "(no extension)" for p in skipped)
    listing = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    where = paths[0] if len(paths) == 1 else "input folders"
    print(f"note: {where}: skipped {len(skipped)} files of types rectrack does not read ({listing})", file=stderr)


def _summary(results: list[FileResult], stderr: IO[str]) -> None:
    failed = sum(r.failed for r in results)
    cached = sum(r.cached and not r.failed for r in results)
    processed = len(results) - failed - cached
    rows = sum(len(r.rows) for r in results)
    print(f"rectrack: {len(results)} files, {processed} processed, {cached} cached, {failed} failed, {rows} rows",
          file=stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
