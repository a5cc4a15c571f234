//! Exit codes and failures: the codes `edl` exits with, a contract as grep's are, and the sorts
//! of error that end a command (or a line of `check -`) with 2.

use serde::{Deserialize, Serialize};

/// The exit codes, a contract as grep's are; also rendered into the man page.
pub const EXIT_CODE_TABLE: [(&str, &str); 4] = [
    (
        "0",
        "e-license: the e-license (or, beyond the mainland, the licence's digital licence) is enough at every stop on the date; no-card-needed: at some stop the local law needs no licence carried for this licence, and the rest are e-license",
    ),
    (
        "1",
        "bring-card: bring the physical card (a stop is not live yet, or not surely live, or outside the mainland; or the license's home was not live, or no --home was given before every mainland place was surely live; or the state is transferred-out; beyond the mainland: no source lets the licence count there, a source says to carry the card, or sources disagree)",
    ),
    (
        "2",
        "error: bad usage, unknown or ambiguous place, bad date, bad data file; with check -, any bad line or no query at all",
    ),
    (
        "3",
        "no-valid-license: the license state does not allow driving at all; or, across a border, the licence does not let you drive there (it is not valid, or only a local permit or licence is)",
    ),
];

/// What sort of error ended a command or a batch line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorKind {
    /// The command line is wrong (an unknown flag, a missing place, `-` with other places).
    Usage,
    UnknownPlace,
    /// The query fits several places that get different answers, or several where one is
    /// wanted (`show`, `--home`, `--province`).
    AmbiguousPlace,
    EmptyPlace,
    PlaceTooLong,
    /// One argument names several places where one is wanted.
    SeveralPlaces,
    /// The place is not of the level asked for (`--province 成都`).
    WrongLevel,
    BadDate,
    UnknownLicense,
    /// A batch line that is not text (not UTF-8, or with a NUL).
    BadLine,
    /// A rollout file that cannot be used.
    BadData,
    /// Anything else: a file or stream that could not be read or written.
    Io,
}
