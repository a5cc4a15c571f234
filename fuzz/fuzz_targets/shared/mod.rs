//! What the data-file targets (rollout, schemes, recognition) assert alike.

use edl::data::DataError;

/// Every problem a validator reports is placed at a 1-based line and column.
pub fn assert_placed(errors: &[DataError]) {
    for error in errors {
        assert!(
            error.line >= 1 && error.column >= 1,
            "error at {}:{}: {}",
            error.line,
            error.column,
            error.message
        );
    }
}
