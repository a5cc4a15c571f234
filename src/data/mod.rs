//! The data `edl` answers from: the generated divisions table and the hand-kept rollout facts,
//! loaded, validated and joined into one [`Dataset`].

pub mod divisions;
pub mod rollout;

use std::fmt;
use std::path::Path;

use anyhow::{Context, bail};

pub use divisions::{Code, Division, Divisions, Kind, Level};
pub use rollout::{Availability, Basis, Bound, Claim, LiveWindow, Quality, Rollout};

/// One problem in a data file, at a line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl DataError {
    pub fn new(file: &str, line: usize, column: usize, message: String) -> DataError {
        DataError {
            file: file.to_string(),
            line,
            column,
            message,
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for DataError {}

/// Every problem a data file has, shown as its first one and a count of the rest.
#[derive(Debug)]
pub struct DataErrors(pub Vec<DataError>);

impl fmt::Display for DataErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.as_slice() {
            [] => write!(f, "no problems"),
            [only] => write!(f, "{only}"),
            [first, rest @ ..] => write!(f, "{first} (and {} more problems)", rest.len()),
        }
    }
}

impl std::error::Error for DataErrors {}

/// The divisions and the rollout facts that `edl` answers from.
pub struct Dataset {
    pub divisions: &'static Divisions,
    pub rollout: Rollout,
}

impl Dataset {
    /// The data compiled into the binary.
    pub fn bundled() -> Dataset {
        let divisions = Divisions::bundled();
        Dataset {
            divisions,
            rollout: Rollout::bundled(divisions),
        }
    }

    /// The bundled divisions with a user's rollout file instead of the bundled facts.
    pub fn with_rollout_file(path: &Path) -> anyhow::Result<Dataset> {
        let divisions = Divisions::bundled();
        let rollout = parse_rollout_file(path, divisions)?;
        Ok(Dataset { divisions, rollout })
    }

    pub fn availability(&self, division: &Division) -> Availability {
        self.rollout.availability(division, self.divisions)
    }
}

/// Reads and validates a rollout file; the error names the file and every problem in it.
pub fn parse_rollout_file(path: &Path, divisions: &Divisions) -> anyhow::Result<Rollout> {
    let name = path.display().to_string();
    if path.is_dir() {
        bail!("cannot read data file {name}: it is a directory");
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read data file {name}"))?;
    let text = String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(valid);
        let line = text.matches('\n').count() + 1;
        let column = text
            .rsplit('\n')
            .next()
            .map_or(0, |tail| tail.chars().count())
            + 1;
        DataError::new(&name, line, column, "the file is not UTF-8 text".into())
    })?;
    if text.contains('\0') {
        let offset = text.find('\0').unwrap_or(0);
        let line = text[..offset].matches('\n').count() + 1;
        bail!(DataError::new(
            &name,
            line,
            1,
            "the file contains a NUL byte".into()
        ));
    }
    if text.trim().is_empty() {
        bail!(DataError::new(&name, 1, 1, "the file is empty".into()));
    }
    Rollout::parse(&text, &name, divisions).map_err(|errors| DataErrors(errors).into())
}
