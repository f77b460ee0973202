//! The wasm entry point: everything else is in the library.
#![forbid(unsafe_code)]

fn main() {
    wenji::start();
}
