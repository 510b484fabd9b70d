//! Every input the fuzzers found a failure with, replayed through the same harness
//! (`newsatlas::fuzzing`): `tests/fuzz_regressions/<target>/<file>`. A new finding is kept by
//! copying the crash file from `fuzz/artifacts/<target>/` there (see README.md, "Fuzzing").

use std::fs;
use std::path::Path;

use newsatlas::fuzzing;

#[test]
fn every_kept_fuzz_finding_runs_through_its_harness_without_a_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut replayed = 0;
    for target in fuzzing::TARGETS {
        let Ok(entries) = fs::read_dir(root.join(target)) else {
            continue;
        };
        let mut files: Vec<_> = entries.map(|e| e.expect("entry").path()).collect();
        files.sort();
        for file in files {
            let data = fs::read(&file).expect("read a kept input");
            let outcome = std::panic::catch_unwind(|| fuzzing::run(target, &data));
            assert!(outcome.is_ok(), "{target}: {} panics again", file.display());
            replayed += 1;
        }
    }
    // Folders named after no target would be silently skipped: refuse them.
    for entry in fs::read_dir(&root).expect("ls tests/fuzz_regressions") {
        let name = entry.expect("entry").file_name();
        let name = name.to_string_lossy();
        assert!(
            name == "README.md" || fuzzing::TARGETS.contains(&name.as_ref()),
            "tests/fuzz_regressions/{name} is not a fuzz target"
        );
    }
    eprintln!("replayed {replayed} kept fuzz inputs");
}
