"""Every error marsad raises on purpose derives from one root.

    MarsadError                    anything marsad reports on purpose
    ├── InputError                 the input cannot be read as an article      (exit 3)
    │   ├── PathNotFoundError      a path that does not exist
    │   ├── EmptyInputError        a file or stream with no text
    │   ├── BinaryInputError       bytes that are not text (NUL bytes, images, archives)
    │   ├── EncodingError          bytes that are not valid UTF-8 (says at which byte)
    │   ├── InputTooLargeError     over the size limit (names the limit and how to raise it)
    │   └── NoArticlesError        a folder without any article file
    ├── ConfigError                a bad option, setting or date given by the user   (exit 4)
    ├── KnowledgeBaseError         a broken knowledge-base file (file, line, field)  (exit 4)
    ├── PipelineError              stages in an order that cannot run             (exit 5)
    └── StoreError                 the database cannot be opened, migrated or written (exit 6)

Messages name the bad value and say how to fix it. Library code raises these; only the CLI
turns them into one line on stderr and an exit code (see ``EXIT_CODES``).
"""

from __future__ import annotations


class MarsadError(Exception):
    """Root of every error marsad raises on purpose."""

    exit_code = 1


class InputError(MarsadError):
    """The input cannot be read as an article."""

    exit_code = 3


class PathNotFoundError(InputError):
    pass


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class EncodingError(InputError):
    def __init__(self, message: str, byte_offset: int | None = None) -> None:
        super().__init__(message)
        self.byte_offset = byte_offset


class InputTooLargeError(InputError):
    pass


class NoArticlesError(InputError):
    pass


class ConfigError(MarsadError):
    """A bad option, setting or value given by the user."""

    exit_code = 4


class KnowledgeBaseError(MarsadError):
    """A knowledge-base file that cannot be loaded; the message names file, line and field."""

    exit_code = 4

    def __init__(
        self, message: str, path: str | None = None, line: int | None = None, field: str | None = None
    ) -> None:
        where = ""
        if path:
            where = path + (f":{line}" if line else "") + (f" (field '{field}')" if field else "") + ": "
        super().__init__(where + message)
        self.path = path
        self.line = line
        self.field = field


class PipelineError(MarsadError):
    """Stages that cannot run in the order given."""

    exit_code = 5


class StoreError(MarsadError):
    """The database cannot be opened, migrated or written."""

    exit_code = 6


EXIT_CODES = {
    0: "success",
    1: "internal error (a bug: please report it with the input that caused it)",
    2: "usage error (unknown option or missing argument)",
    3: "input error (missing, empty, binary, non-UTF-8 or oversized input)",
    4: "configuration or knowledge-base error",
    5: "pipeline error (stages in an impossible order)",
    6: "store error (database cannot be opened, migrated or written)",
}
