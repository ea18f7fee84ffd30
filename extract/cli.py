"""The ``rectrack`` command line: a thin layer over :mod:`extract.pipeline` and :mod:`extract.writers`.

Data goes to stdout only (``-o -``); every message goes to stderr, one line per
problem: ``error: PATH: reason``, ``warning: PATH: reason``, ``note: PATH: reason``,
then a summary line. Exit status: 0 all files read (or nothing to read), 1 some failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import difflib
import glob
import os
import re
import shlex
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import IO, NoReturn

from . import __version__
from .batch import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT, BatchOptions, run_batch
from .cache import ENV_VAR
from .errors import MissingDependency, RectrackError
from .pipeline import expand_globs, expand_paths
from .progress import ProgressBar
from .readers import READERS
from .records import FileResult
from .writers import SUFFIXES, check_destination, write

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
FORMATS_READ = " ".join(READERS)  # .pdf .docx .doc .rtf .odt .html .htm .txt
# outputs that merge rows by key and report what a run changed: the tracker and the SQLite store
REPORTED = {".xlsx": "tracker", ".sqlite": "store", ".db": "store"}


class Parser(argparse.ArgumentParser):
    """argparse with shorter messages: "-j/--jobs: expected a whole number, got 'abc'", and a suggestion for a
    mistyped option ("unknown option --forse (did you mean --force?)")."""

    def error(self, message: str) -> NoReturn:
        if message.startswith("argument ") and ": " in message:
            message = message[len("argument ") :]
        message = self._unknown_command(message) or message
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")

    def _unknown_command(self, message: str) -> str | None:
        """ "unknown command 'extrct' (did you mean extract?)" for argparse's "COMMAND: invalid choice: ..."."""
        match = re.match(r"COMMAND: invalid choice: (['\"]?)(.*?)\1(?: \(|,|$)", message)
        commands = next((a.choices for a in self._actions if isinstance(a, argparse._SubParsersAction)), None)
        if not match or not commands:
            return None
        word = match.group(2)
        close = difflib.get_close_matches(word, list(commands), n=1, cutoff=0.6)
        hint = f"did you mean {close[0]}?" if close else f"commands: {', '.join(commands)}"
        return f"unknown command {word!r} ({hint})"

    def option_strings(self) -> list[str]:
        return [o for action in self._actions for o in action.option_strings]


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="rectrack",
        description="Find recommendation tracking tables in committee papers and export them as clean rows.",
    )
    parser.add_argument("--version", action="version", version=f"rectrack {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    ext = commands.add_parser(
        "extract",
        help="extract tracking-table rows from papers",
        description=(
            f"Extract recommendation rows from papers: {FORMATS_READ} (.doc, .rtf and .odt need LibreOffice). "
            "Folders are searched recursively."
        ),
        epilog="Example: rectrack extract papers/ -o tracker.jsonl",
    )
    ext.add_argument("paths", nargs="*", metavar="PATH", help=f"paper files ({FORMATS_READ}), folders or glob patterns")
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
        type=_positive_number,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"time limit per file (default: {DEFAULT_TIMEOUT:g})",
    )
    ext.add_argument(
        "--max-memory",
        type=_non_negative_int,
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
    rev = commands.add_parser(
        "review",
        help="write a static review page: each row beside its source cells, lowest confidence first",
        description="Write DIR/index.html: each paper's rows, lowest confidence first, beside their source cells.",
        epilog="Example: rectrack review papers/ -o review && open review/index.html",
    )
    rev.add_argument("paths", nargs="+", metavar="PATH", help="paper files, folders or glob patterns")
    rev.add_argument("-o", "--output", required=True, metavar="DIR", help="folder for index.html and page images")
    rev.add_argument("--password", default=None, help="password for encrypted PDFs")
    return parser


def _non_negative_int(text: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more, got {text!r}")
    return value


def _positive_number(text: str) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"expected more than 0, got {text!r}")
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
        args, unknown = parser.parse_known_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 for --help/--version
        return int(exc.code or 0)
    if unknown:
        _unknown_arguments(parser, args, unknown, err)
        return EXIT_USAGE
    if args.command is None:
        parser.print_usage(err)
        print("rectrack: error: a command is required (try: rectrack extract --help)", file=err)
        return EXIT_USAGE
    if args.command == "review":
        return run_review(args, stderr=err)
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
    empty = _empty_globs(inputs)
    for pattern in empty:
        print(f"rectrack: error: no files match {pattern}", file=stderr)
    inputs = expand_globs([p for p in inputs if p not in empty])
    files, skipped = expand_paths(inputs)
    _report_skipped(inputs, skipped, stderr, args.quiet)
    if not files:
        if empty:  # a pattern that matched nothing is an error, and has had its line
            return EXIT_FAILED
        _nothing_to_read(inputs, skipped, stderr, args.quiet)
        return EXIT_OK
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
    from .history import link_results

    results = link_results(results)  # history_id: each recommendation followed across the batch's reports
    write_failed = False
    command = "rectrack " + " ".join(shlex.quote(a) for a in argv)
    reports: list[str] = []
    for dest in outputs:
        try:
            if dest == "-":
                _write_stdout(results, stdout)
            elif Path(dest).suffix.lower() in REPORTED:
                kind, name = REPORTED[Path(dest).suffix.lower()], dest

                def said(report: object, kind: str = kind, name: str = name) -> None:
                    reports.append(f"{kind}: {name}: {report}")

                write(results, dest, command=command, as_of=args.as_of, report=said)
            else:
                write(results, dest, command=command, as_of=args.as_of)
        except RectrackError as exc:
            print(f"error: {exc}", file=stderr)
            write_failed = True
    for line in reports:
        print(line, file=stderr)
    _summary(results, stderr, merged=_merged(results, outputs))
    failed = write_failed or bool(empty) or any(r.failed for r in results)
    return EXIT_FAILED if failed else EXIT_OK


def run_review(args: argparse.Namespace, *, stderr: IO[str]) -> int:
    from .review import review

    papers = review(args.paths, args.output, password=args.password)
    for paper in papers:
        if paper.error:
            print(f"error: {paper.path}: {paper.error}", file=stderr)
    rows = sum(len(p.entries) for p in papers)
    index = Path(args.output) / "index.html"
    print(f"rectrack: review of {len(papers)} files, {rows} rows written to {index}", file=stderr)
    return EXIT_FAILED if not papers or any(p.error for p in papers) else EXIT_OK


def _merged(results: list[FileResult], outputs: Sequence[str]) -> str:
    """For the summary, when a tracker holds fewer rows than were found: the same paper read from several files."""
    kinds = {REPORTED.get(Path(d).suffix.lower()) for d in outputs if d != "-"}
    if not kinds & {"tracker", "store"}:
        return ""
    holder = "the tracker" if "tracker" in kinds else "the store"
    from .writers.keys import keyed_rows

    rows = sum(len(r.rows) for r in results)
    distinct = len(keyed_rows(results))
    if distinct >= rows:
        return ""
    return (
        f"; {holder} holds {distinct}: {rows - distinct} rows of the same paper in another format or copy were merged"
    )


def _unknown_arguments(
    parser: argparse.ArgumentParser, args: argparse.Namespace, unknown: list[str], err: IO[str]
) -> None:
    """Usage of the command given, then what was not understood, with the nearest known option for a typo."""
    command = _subparser(parser, args.command) or parser
    command.print_usage(err)
    options = command.option_strings() if isinstance(command, Parser) else []
    word = unknown[0]
    if word.startswith("-") and len(word) > 1:
        name = word.split("=", 1)[0]
        close = difflib.get_close_matches(name, options, n=1, cutoff=0.6)
        hint = f" (did you mean {close[0]}?)" if close else f" (see {command.prog} --help)"
        print(f"{command.prog}: error: unknown option {name}{hint}", file=err)
    else:
        print(
            f"{command.prog}: error: unexpected argument {word!r} "
            "(give every PATH together, before or after the options)",
            file=err,
        )


def _subparser(parser: argparse.ArgumentParser, name: str | None) -> argparse.ArgumentParser | None:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and name in action.choices:
            return action.choices[name]
    return None


def _empty_globs(inputs: Sequence[str]) -> list[str]:
    """The inputs that are patterns matching no file (and not the name of an existing file)."""
    return [p for p in inputs if not os.path.exists(p) and glob.has_magic(p) and not glob.glob(p, recursive=True)]


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


def _nothing_to_read(inputs: Sequence[str], skipped: list[Path], stderr: IO[str], quiet: bool) -> None:
    """An empty folder (or one of files rectrack does not read) is not a failure: a note, and no output is
    written, so an existing tracker or store is left exactly as it was."""
    if not quiet:
        where = inputs[0] if len(inputs) == 1 else f"{len(inputs)} inputs"
        extra = f" ({len(skipped)} files of other types skipped)" if skipped else ""
        print(f"note: {where}: no papers to read{extra}; rectrack reads {FORMATS_READ}", file=stderr)
    print("rectrack: 0 files, 0 processed, 0 cached, 0 failed, 0 rows; nothing to read, no output written", file=stderr)


def _report_skipped(paths: Sequence[str], skipped: list[Path], stderr: IO[str], quiet: bool) -> None:
    if not skipped or quiet:
        return
    kinds = Counter(p.suffix.lower() or "(no extension)" for p in skipped)
    listing = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    where = paths[0] if len(paths) == 1 else "input folders"
    print(f"note: {where}: skipped {len(skipped)} files of types rectrack does not read ({listing})", file=stderr)


def _summary(results: list[FileResult], stderr: IO[str], *, merged: str = "") -> None:
    """One line of counts; failures served from the cache are counted as such, with how to retry them."""
    failed = sum(r.failed for r in results)
    cached = sum(r.cached and not r.failed for r in results)
    cached_failed = sum(r.cached and r.failed for r in results)
    processed = len(results) - failed - cached
    rows = sum(len(r.rows) for r in results)
    from_cache = f" ({cached_failed} from the cache; --force retries them)" if cached_failed else ""
    print(
        f"rectrack: {len(results)} files, {processed} processed, {cached} cached, {failed} failed{from_cache}, "
        f"{rows} rows{merged}",
        file=stderr,
    )


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
