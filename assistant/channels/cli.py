"""`shopassist` console script: index, chat, serve, mcp, export, eval, train."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from assistant.evaluation import ALL_SUITES as ALL_EVAL_SUITES
from assistant.evaluation import KNOWN_SUITES as KNOWN_EVAL_SUITES
from assistant.settings import Settings, get_settings


def _settings(args: argparse.Namespace) -> Settings:
    settings = get_settings()
    if getattr(args, "catalogue", None):
        settings = settings.model_copy(update={"catalogue_path": Path(args.catalogue)})
    return settings


def cmd_index(args: argparse.Namespace) -> int:
    """Build or update the index; prints what was re-embedded."""
    from assistant.catalogue.loader import CatalogueError, load_catalogue
    from assistant.search.embeddings import make_embedder
    from assistant.search.index import CatalogueIndex

    settings = _settings(args)
    started = time.perf_counter()
    try:
        catalogue, report = load_catalogue(settings.catalogue_path)
    except CatalogueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(report.summary())
    for error in report.errors[:20]:
        print(f"  bad row: {error}", file=sys.stderr)
    index = CatalogueIndex(settings, make_embedder(settings, bulk=True))
    if index.rebuilt_because:
        print(f"the old index was unusable ({index.rebuilt_because}); rebuilding it")
    stats = index.sync(catalogue, progress=not args.quiet)
    print(
        f"index: {stats.summary()} in {time.perf_counter() - started:.1f} s "
        f"at {settings.chroma_url or settings.index_dir}"
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Convert a public-format catalogue into the project's JSONL folder."""
    from assistant.catalogue.importers import (
        import_amazon_jsonl,
        import_flat_csv,
        import_tau_bench_products,
    )
    from assistant.catalogue.loader import write_catalogue

    source = Path(args.source)
    for path in (source, Path(args.reviews) if args.reviews else None):
        if path is not None and not path.is_file():
            print(f"error: {path} does not exist", file=sys.stderr)
            return 2
    if args.reviews and args.format == "tau":
        print("error: --reviews goes with `amazon` (JSONL) or `csv` (CSV)", file=sys.stderr)
        return 2
    try:
        if args.format == "amazon":
            catalogue, report = import_amazon_jsonl(
                source, Path(args.reviews) if args.reviews else None
            )
        elif args.format == "tau":
            catalogue, report = import_tau_bench_products(source)
        else:
            catalogue, report = import_flat_csv(
                source, Path(args.reviews) if args.reviews else None
            )
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    write_catalogue(catalogue, Path(args.out))
    print(f"{report.summary()}; wrote {args.out}. Next: shopassist index --catalogue {args.out}")
    for error in report.errors[:20]:
        print(f"  bad row: {error}", file=sys.stderr)
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    """A terminal chat with the assistant."""
    from assistant.conversation.engine import Assistant

    bot = Assistant.from_settings(_settings(args), progress=True)
    print("Ask the shop assistant (Ctrl-D to quit).")
    for line in sys.stdin:
        reply = bot.chat(args.session, line.rstrip("\n"), channel="cli")
        print(reply.text, flush=True)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the app over HTTP: one process, or `--workers N` over shared engines."""
    import uvicorn

    from assistant.channels.http import workers

    settings = _settings(args)
    host, port = args.host or settings.host, args.port or settings.port
    if args.workers != 1:
        try:
            workers.serve(settings, host, port, args.workers)
        except workers.WorkersRefused as refused:
            print(f"shopassist serve: {refused}", file=sys.stderr)
            return 2
        return 0
    from assistant.channels.http.app import create_app
    from assistant.conversation.engine import Assistant
    from assistant.wiring import settle_heap

    bot = Assistant.from_settings(settings, progress=True)
    app = create_app(bot, settings)
    settle_heap()
    uvicorn.run(app, host=host, port=port)
    return 0


def cmd_mcp(args: argparse.Namespace) -> int:
    """Serve the shop's MCP server over stdio (stdout carries only MCP messages)."""
    import anyio

    from assistant.channels.mcp.server import build_mcp_server
    from assistant.wiring import (
        build_agent_identity,
        build_commerce,
        build_services,
        settle_heap,
    )

    settings = _settings(args)
    services = build_services(settings)
    commerce = build_commerce(settings, services.catalogue)
    identity = build_agent_identity(commerce, settings)
    server = build_mcp_server(commerce, services.retriever, identity, settings, one_client=True)
    settle_heap()
    anyio.run(server.run_stdio_async)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the product feed in the Agentic Commerce Protocol's format."""
    from assistant.catalogue.loader import CatalogueError, load_catalogue
    from assistant.channels.acp.feed import feed_rows, final_sale, write_feed
    from assistant.wiring import build_commerce

    settings = _settings(args)
    try:
        catalogue, _ = load_catalogue(settings.catalogue_path)
    except CatalogueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    commerce = build_commerce(settings, catalogue)
    base_url = (args.base_url or settings.shop_url()).rstrip("/")
    written = write_feed(feed_rows(commerce, base_url), Path(args.out), args.format)
    left_out = sum(final_sale(product) for product in catalogue.products.values())
    note = f"; left out {left_out} final-sale products (the feed needs a return window)"
    print(f"wrote {written} feed rows (one per variant) to {args.out}{note if left_out else ''}")
    commerce.store.dispose()
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Run the evaluation suites and write the report."""
    from assistant.evaluation.runner import EvalOptions, run_evaluation
    from assistant.evaluation.scenarios import ScenarioError
    from assistant.evaluation.target import TargetError

    options = EvalOptions(
        suites=args.suite or list(ALL_EVAL_SUITES),
        planners=args.llm or ["none"],
        limit=args.limit,
        seed=args.seed,
        target=args.target,
        out=args.out,
        baseline=args.baseline,
        fail_under=args.fail_under or [],
        scenario_files=args.scenarios or [],
        dialogue_files=args.dialogues or [],
    )
    try:
        report, status = run_evaluation(_settings(args), options)
    except (ScenarioError, TargetError, ValueError, FileNotFoundError) as error:
        print(f"shopassist eval: {error}", file=sys.stderr)
        return 2
    print((Path(report["written_to"]) / "report.md").read_text(encoding="utf-8"))
    print(f"wrote {report['written_to']}/report.json, report.md, report.html")
    for failure in report["failed_floors"]:
        print(f"below the floor: {failure}", file=sys.stderr)
    return status


def cmd_train(args: argparse.Namespace) -> int:
    """Build the evidence models from the train splits under SHARED_DATA_DIR."""
    from assistant.evaluation.datasets import DatasetMissing
    from assistant.learning.build import (
        TrainOptions,
        data_fingerprint,
        describe,
        train_evidence_models,
    )
    from assistant.learning.reranker import RerankerRecipe
    from assistant.search.embeddings import make_embedder

    settings = _settings(args)
    recipe = RerankerRecipe(seed=args.seed, epochs=args.epochs, layers=args.layers)
    options = TrainOptions(recipe=recipe, progress=not args.quiet)
    try:
        data_fingerprint(settings.shared_data_dir)  # before minutes of loading: is the data here?
        manifest = train_evidence_models(settings, make_embedder(settings), args.what, options)
    except DatasetMissing as missing:
        print(f"shopassist train: {missing}", file=sys.stderr)
        return 2
    print(describe(manifest, settings))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """Print a report from the store."""
    from assistant.channels.social.content import load_content
    from assistant.channels.social.report import creator_sales, report_table
    from assistant.commerce.repository import CommerceRepository
    from assistant.storage.engine import Store

    store = Store(_settings(args).resolved_database_url())
    with store.transaction() as connection:
        lines = CommerceRepository(connection, store).attributed_order_lines()
    print(report_table(creator_sales(lines, load_content())))
    store.dispose()
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(prog="shopassist", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    commands = parser.add_subparsers(dest="command", required=True)

    index = commands.add_parser("index", help="build or update the search index")
    index.add_argument("--catalogue", help="folder with products.jsonl and reviews.jsonl")
    index.add_argument("--quiet", action="store_true", help="no progress bar")
    index.set_defaults(run=cmd_index)

    importer = commands.add_parser("import", help="convert a public-format catalogue to JSONL")
    importer.add_argument("format", choices=["amazon", "tau", "csv"])
    importer.add_argument("source", help="Amazon metadata JSONL, tau-bench products.json or CSV")
    importer.add_argument(
        "--reviews", help="reviews: Amazon reviews JSONL (with `amazon`) or a CSV (with `csv`)"
    )
    importer.add_argument("--out", required=True, help="folder to write products.jsonl into")
    importer.set_defaults(run=cmd_import)

    chat = commands.add_parser("chat", help="chat with the assistant in the terminal")
    chat.add_argument("--catalogue")
    chat.add_argument("--session", default="cli")
    chat.set_defaults(run=cmd_chat)

    serve = commands.add_parser("serve", help="serve the app and the HTTP API")
    serve.add_argument("--catalogue")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes (more than 1 needs PostgreSQL, a Chroma server and shared "
        "rate limits; the Gradio UI and MCP over HTTP stay with one worker)",
    )
    serve.set_defaults(run=cmd_serve)

    mcp = commands.add_parser("mcp", help="the MCP server over stdio, for desktop assistants")
    mcp.add_argument("--catalogue")
    mcp.set_defaults(run=cmd_mcp)

    export = commands.add_parser("export", help="export data for other platforms")
    export.add_argument("what", choices=["feed"], help="the ACP product feed, one row a variant")
    export.add_argument("--out", default="feed.jsonl", help="file to write (default feed.jsonl)")
    export.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    export.add_argument("--base-url", help="the shop's public URL (default PUBLIC_URL)")
    export.add_argument("--catalogue")
    export.set_defaults(run=cmd_export)

    train = commands.add_parser("train", help="build the evidence models (minutes on CPU)")
    train.add_argument(
        "what",
        nargs="?",
        default="reranker",
        choices=["reranker", "answerability"],
        help="reranker: everything; answerability: refit the classifier on the built reranker",
    )
    train.add_argument("--seed", type=int, default=13)
    train.add_argument("--epochs", type=int, default=1)
    train.add_argument("--layers", type=int, default=6, help="MiniLM layers the reranker keeps")
    train.add_argument("--quiet", action="store_true", help="no progress bars")
    train.set_defaults(run=cmd_train)

    report = commands.add_parser("report", help="business reports")
    report.add_argument("what", choices=["creators"], help="sales and commission per creator")
    report.set_defaults(run=cmd_report)

    evaluate = commands.add_parser("eval", help="evaluation suites and a report")
    evaluate.add_argument(
        "--suite",
        action="append",
        choices=list(KNOWN_EVAL_SUITES),
        help=f"suite to run (repeatable); default: {', '.join(ALL_EVAL_SUITES)}",
    )
    evaluate.add_argument(
        "--llm",
        action="append",
        choices=["none", "local", "openai"],
        help="planner(s) to compare side by side (repeatable); default none",
    )
    evaluate.add_argument("--limit", type=int, help="at most this many items per suite")
    evaluate.add_argument("--seed", type=int, default=13, help="seed for sampling items")
    evaluate.add_argument("--target", help="evaluate a running server, e.g. http://127.0.0.1:7860")
    evaluate.add_argument("--out", type=Path, help="report folder (default reports/<run>)")
    evaluate.add_argument("--baseline", type=Path, help="an earlier report.json to compare with")
    evaluate.add_argument(
        "--fail-under",
        action="append",
        metavar="METRIC=VALUE",
        help="exit 1 when a figure is below VALUE, e.g. constraints.all_correct_heldout=0.6",
    )
    evaluate.add_argument(
        "--scenarios", type=Path, action="append", help="scenario YAML file(s) instead of ours"
    )
    evaluate.add_argument(
        "--dialogues",
        type=Path,
        action="append",
        help="conversation YAML file(s) for the dialogue suite instead of the held-out set",
    )
    evaluate.set_defaults(run=cmd_eval)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of `shopassist`."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
