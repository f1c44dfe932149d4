"""Score the entity stage with a knowledge base that knows no actor: the embedded base without
its actor files (people/, orgs/, libya.yaml), so that every person and organization is a name
the base does not know — how the rules and the recognizer do on the names of unseen outlets.

    python tools/eval_without_actors.py [--model-dir DIR] [devset options …]
    python tools/eval_without_actors.py --only entities eval/dev/articles

``--model-dir`` scores another recognizer (a folder written by ``tools/train_ner.py --out``).
Every other option goes to ``python -m marsad.devset`` (which reads ../shared, or $MARSAD_SHARED).
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    import marsad.extract.entities.api as api
    import marsad.extract.entities.stage as stage
    import marsad.kb as kbmod
    from marsad import devset
    from marsad.extract.entities import model
    from marsad.kb.loader import kb_files, read_file

    args = list(argv)
    if "--model-dir" in args:
        i = args.index("--model-dir")
        model.NameTagger._default = model.NameTagger.from_dir(args[i + 1])
        del args[i : i + 2]
    data = kbmod.embedded_dir()
    files = [
        f for f in kb_files(data)
        if f.relative_to(data).parts[0] not in ("people", "orgs") and f.name != "libya.yaml"
    ]
    kb = kbmod.KnowledgeBase(files=files)
    for f in files:
        for entry in read_file(f):
            kb.add(entry)
    for entry in kb.entries.values():
        if entry.parent and entry.parent not in kb.entries:
            entry.parent = None  # a city's parent stays; an organization's is gone with its file

    def load(paths: object = ()) -> kbmod.KnowledgeBase:
        return kb

    kbmod.load_kb = load  # type: ignore[assignment]
    stage.load_kb = load  # type: ignore[assignment]
    api.load_kb = load  # type: ignore[assignment]
    return devset.main(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
