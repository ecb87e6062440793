//! Why a file named on the command line (or in the planner) could not be read or written:
//! typed, so each language words it (the English here, as `Display`).

/// A file that cannot be read or written.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is a folder: name a file in it")]
    FolderToRead { path: String },
    #[error("{path} is a folder: give a file name, like {example}")]
    FolderToWrite { path: String, example: String },
    #[error("cannot write {path}: the folder {folder} does not exist")]
    NoFolder { path: String, folder: String },
    /// `reason` is the system's words (without a temporary file's path), `kind` what
    /// they mean.
    #[error("cannot write {path}: {reason}")]
    Write {
        path: String,
        reason: String,
        kind: std::io::ErrorKind,
    },
}
