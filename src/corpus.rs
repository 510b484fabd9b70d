//! corpus (in progress)
