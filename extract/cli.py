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
from datetime import date
from pathlib import Path
from typing import IO

from . import __version__
from .batch import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT, BatchOptions, run_batch
from .cache import ENV_VAR
from .errors import MissingDependency, RectrackError
from .pipeline import expand_globs, expand_paths
from .progress import ProgressBar
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
        description=(
            "Extract recommendation rows from PDF, Word (.docx), HTML and text papers. "
            "Folders are searched recursively."
        ),
        epilog="Example: rectrack extract papers/ -o tracker.jsonl",
    )
    ext.add_argument("paths", nargs="*", metavar="PATH", help="paper files, folders or glob patterns")
    ext.add_argument(
        "-o",
        "--output",
        action="append",
        metavar="OUT",
        help=(
            f"output file; its extension picks the format ({', '.join(SUFFIXES)}); "
            "'-' (the default) writes JSON Lines to stdout; give -o several times for several outputs"
        ),
    )
    ext.add_argument(
        "--files-from",
        metavar="LIST",
        action="append",
        default=[],
        help="read more paths from LIST, one per line ('-' for standard input)",
    )
    ext.add_argument("--password", default=None, help="password for encrypted PDFs")
    ext.add_argument(
        "-j", "--jobs", type=_non_negative_int, default=0, metavar="N", help="worker processes (default: one per core)"
    )
    ext.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"time limit per file (default: {DEFAULT_TIMEOUT:g})",
    )
    ext.add_argument(
        "--max-memory",
        type=int,
        default=DEFAULT_MAX_MEMORY_MB,
        metavar="MB",
        help=f"memory limit per worker process in MB (default: {DEFAULT_MAX_MEMORY_MB}; 0: none)",
    )
    ext.add_argument(
        "--cache-dir",
        metavar="DIR",
        default=None,
        help=f"result cache folder (default: ${ENV_VAR} or the user cache folder)",
    )
    ext.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")
    ext.add_argument("--force", action="store_true", help="re-extract every file and refresh the cache")
    ext.add_argument(
        "--dask",
        metavar="ADDRESS",
        default=None,
        help=(
            "run the per-file work on a Dask cluster: a scheduler address (tcp://host:8786) "
            "or 'local' for a local cluster"
        ),
    )
    ext.add_argument(
        "--as-of",
        type=_iso_date,
        default=None,
        metavar="DATE",
        help="judge overdue on DATE (YYYY-MM-DD) instead of each paper's meeting date",
    )
    ext.add_argument("-q", "--quiet", action="store_true", help="print only errors and the summary line")
    return parser


def _non_negative_int(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None


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
    return run_extract(
        args, stdout=stdout or sys.stdout, stderr=err, argv=list(argv if argv is not None else sys.argv[1:])
    )


def run_extract(args: argparse.Namespace, *, stdout: IO[str], stderr: IO[str], argv: Sequence[str] = ()) -> int:
    outputs = args.output or ["-"]
    try:
        for dest in outputs:
            check_destination(dest)
    except RectrackError as exc:
        print(f"rectrack: error: {exc}", file=stderr)
        return EXIT_USAGE
    try:
        inputs = list(args.paths) + [p for source in args.files_from for p in _read_list(source)]
    except OSError as exc:
        print(f"rectrack: error: cannot read the list of paths ({exc.strerror or exc})", file=stderr)
        return EXIT_USAGE
    if not inputs:
        print("rectrack: error: no input: give PATHs or --files-from", file=stderr)
        return EXIT_USAGE
    inputs = expand_globs(inputs)
    files, skipped = expand_paths(inputs)
    _report_skipped(inputs, skipped, stderr, args.quiet)
    options = BatchOptions(
        jobs=args.jobs,
        password=args.password,
        timeout=args.timeout,
        max_memory_mb=args.max_memory,
        cache_dir=args.cache_dir,
        use_cache=not args.no_cache,
        force=args.force,
        dask=args.dask,
    )
    files = sorted(files, key=str)
    results: list[FileResult] = []
    with ProgressBar(files, enabled=not args.quiet and stderr.isatty(), stream=stderr) as bar:
        try:
            for result in run_batch(files, options, progress=bar.update):
                for issue in result.issues:
                    if issue.level == "error" or not args.quiet:
                        bar.write(str(issue))
                results.append(result)
        except KeyboardInterrupt:
            bar.write("rectrack: interrupted; no output written (finished files are cached)")
            return 130
        except (OSError, MissingDependency) as exc:  # e.g. a Dask scheduler that cannot be reached, or no Dask
            bar.write(f"rectrack: error: {exc}")
            return EXIT_FAILED
    if args.as_of is not None:
        from .enrich import apply_as_of

        for result in results:
            result.rows = apply_as_of(result.rows, args.as_of)
    write_failed = False
    command = "rectrack " + " ".join(shlex.quote(a) for a in argv)
    for dest in outputs:
        try:
            if dest == "-":
                _write_stdout(results, stdout)
            else:
                write(results, dest, command=command, as_of=args.as_of)
        except RectrackError as exc:
            print(f"error: {exc}", file=stderr)
            write_failed = True
    _summary(results, stderr)
    return EXIT_FAILED if write_failed or any(r.failed for r in results) else EXIT_OK


def _read_list(source: str) -> list[str]:
    text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    return [line.rstrip("\r") for line in text.split("\n") if line.strip()]


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
    """One line of counts; failures served from the cache are counted as such, with how to retry them."""
    failed = sum(r.failed for r in results)
    cached = sum(r.cached and not r.failed for r in results)
    cached_failed = sum(r.cached and r.failed for r in results)
    processed = len(results) - failed - cached
    rows = sum(len(r.rows) for r in results)
    from_cache = f" ({cached_failed} from the cache; --force retries them)" if cached_failed else ""
    print(
        f"rectrack: {len(results)} files, {processed} processed, {cached} cached, {failed} failed{from_cache}, "
        f"{rows} rows",
        file=stderr,
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
