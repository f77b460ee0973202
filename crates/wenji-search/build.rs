//! The word list the tables are built with (`tables_build::lexicon`), in
//! the form `Words::from_compact` reads: every word of `data/words.txt`
//! with the feature `all-words` (the build program), else the common ones
//! only (the document reader in the page's worker, whose size the reader
//! pays).

use std::{env, fs, path::Path};

#[path = "src/word_weight.rs"]
mod word_weight;

/// The least frequency of a word the worker's list keeps (14,244 words).
const COMMON: u32 = 300;

fn main() {
    println!("cargo:rerun-if-changed=data/words.txt");
    println!("cargo:rerun-if-changed=src/word_weight.rs");
    if env::var_os("CARGO_FEATURE_BUILD_TABLES").is_none() {
        return;
    }
    let all = env::var_os("CARGO_FEATURE_ALL_WORDS").is_some();
    let list = fs::read_to_string("data/words.txt").expect("data/words.txt");
    let mut out = String::new();
    for (n, line) in list.lines().enumerate() {
        let (word, freq) = line
            .split_once(' ')
            .and_then(|(w, f)| Some((w, f.parse::<u32>().ok()?)))
            .unwrap_or_else(|| panic!("data/words.txt:{}: not `word frequency`", n + 1));
        if all || freq >= COMMON {
            out.push_str(word);
            out.push(char::from(
                word_weight::WEIGHT_BASE + word_weight::weight_of(freq),
            ));
            out.push('\n');
        }
    }
    let path = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("words.txt");
    fs::write(path, out).expect("write the word list");
}
