#!/usr/bin/env python3
"""datatrove peer of `persona-host dataset tag` / `dataset stats`: the same rules (rules.py) as a
datatrove pipeline, JsonlReader -> PersonaTagger -> JsonlWriter, on LocalPipelineExecutor.

    peer_datatrove.py tag IN.jsonl[.gz]... --out DIR   # DIR/<input's path under the inputs' common folder>.jsonl
    peer_datatrove.py stats DIR/.../*.jsonl            # JSON summary on stdout (the keys peer_plain.py prints)

datatrove splits work by file: with --tasks 2 (the default) each task takes every other input
file, so give it at least two files to use both cores. Its logs go to a file in a temporary
logging folder (shown only when the run fails).
"""

import argparse
import os
import sys
import tempfile
import traceback

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rules  # noqa: E402


def keep_example(self, data, path, id_in_file):
    """Reader adapter: the whole example stays in the metadata (datatrove's default adapter would
    move `text`/`id` out and keep the rest under `metadata`). `text` carries the instruction, and a
    space when it is empty: datatrove drops documents without text."""
    return {
        "text": data.get("instruction") or " ",
        "id": f"{path}/{id_in_file}",
        "metadata": {"example": data, "source": rules.file_source(path), "out_name": output_name(path)},
    }


def write_example(self, document):
    """Writer adapter: the tagged example itself, not datatrove's text/id/metadata envelope."""
    return document.metadata["example"]


def output_name(path):
    """DIR-relative output path of an input: its path with .gz and .jsonl/.json replaced by .jsonl."""
    return os.path.join(os.path.dirname(path), rules.file_source(path) + ".jsonl")


class PersonaTagger(PipelineStep):
    """Adds the persona prefix, `_persona` and `_traits` to every example (rules.tag)."""

    name = "persona tagger"
    type = "TAGGER"

    def run(self, data, rank=0, world_size=1):
        for document in data:
            with self.track_time():
                example = rules.tag(document.metadata["example"], document.metadata["source"])
                document.text = example["instruction"]
                self.stat_update(example["_persona"])
            yield document


class PersonaCounter(PipelineStep):
    """Counts tagged examples per persona, trait and trait within persona as datatrove stats
    (merged over the tasks by the executor); keeps no documents."""

    name = "persona counter"
    type = "STATS"

    def run(self, data, rank=0, world_size=1):
        for document in data:
            example = document.metadata["example"]
            persona = example.get("_persona", "untagged")
            traits = example.get("_traits")
            labels = ["examples", "persona\t" + persona]
            for t in traits if isinstance(traits, list) else []:
                labels += ["trait\t" + t, f"pair\t{persona}\t{t}"]
            self.stat_update(*labels)
        return
        yield


def run_pipeline(inputs, steps, tasks, log_dir):
    """Runs reader + `steps` over `inputs` (paths) and returns the executor's merged stats."""
    inputs = [os.path.abspath(p) for p in inputs]
    root = os.path.commonpath([os.path.dirname(p) for p in inputs])
    paths_file = os.path.join(log_dir, "inputs.txt")
    with open(paths_file, "w") as f:
        f.writelines(os.path.relpath(p, root) + "\n" for p in inputs)
    reader = JsonlReader(root, paths_file=paths_file, adapter=keep_example, add_file_path=False)
    executor = LocalPipelineExecutor(pipeline=[reader, *steps], tasks=min(tasks, len(inputs)), workers=tasks,
                                     logging_dir=os.path.join(log_dir, "logs"), skip_completed=False)
    return executor.run()


def quietly(body):
    """Runs `body` with stderr (datatrove's loguru output, in every task) sent to a log file,
    printed only when `body` fails."""
    with tempfile.TemporaryDirectory(prefix="peer-datatrove-") as log_dir:
        log_path = os.path.join(log_dir, "stderr.log")
        saved = os.dup(2)
        with open(log_path, "w") as log:
            os.dup2(log.fileno(), 2)
        try:
            return body(log_dir)
        except BaseException:
            os.dup2(saved, 2)
            with open(log_path) as log:
                sys.stderr.write(log.read()[-4000:])
            traceback.print_exc()
            sys.exit(1)
        finally:
            os.dup2(saved, 2)


def tag(inputs, out, tasks):
    def body(log_dir):
        # One output per input file (its name is in the metadata), so no ${rank} in the name.
        writer = JsonlWriter(out, output_filename="${out_name}", compression=None, adapter=write_example)
        return run_pipeline(inputs, [PersonaTagger(), writer], tasks, log_dir)

    quietly(body)


def stats(inputs, tasks):
    merged = quietly(lambda log_dir: run_pipeline(inputs, [PersonaCounter()], tasks, log_dir))
    counter = next(s for s in merged.stats if s.name == str(PersonaCounter()))
    counts = rules.Stats()
    for label, metric in counter.stats.items():
        kind, *key = label.split("\t")
        total = int(metric.total)
        if kind == "examples":
            counts.examples = total
        elif kind == "persona":
            counts.personas[key[0]] = total
        elif kind == "trait":
            counts.traits[key[0]] = total
        elif kind == "pair":
            counts.persona_traits[tuple(key)] = total
    print(counts.dumps())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=2, help="datatrove tasks and workers (default 2)")
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("tag", help="tag examples with a persona and traits")
    t.add_argument("inputs", nargs="+")
    t.add_argument("--out", required=True)
    s = sub.add_parser("stats", help="count personas, categories and traits of tagged files")
    s.add_argument("inputs", nargs="+")
    s.add_argument("--json", action="store_true", help="accepted for symmetry with persona-host (always JSON)")
    args = parser.parse_args()
    if args.command == "tag":
        tag(args.inputs, os.path.abspath(args.out), args.tasks)
    else:
        stats(args.inputs, args.tasks)


if __name__ == "__main__":
    main()
