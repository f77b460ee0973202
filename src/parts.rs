//! Views whose code is fetched the first time they are wanted.
//!
//! `lazy!` declares an async function that builds a view. In the
//! release (`cfg(wenji_split)`, set by `build.rs`), its code and what only it
//! uses go into a part of the wasm of their own, which the build's split
//! step (`wenji-ship`'s `split.rs`) cuts off: the first view's wasm is that
//! much smaller, and the part is fetched, compiled and linked on the first
//! call. Elsewhere (debug builds, the host's prerender) the function builds
//! the view at once, so every build renders the same markup.
//!
//! A part that cannot be fetched (offline before the service worker has
//! it) is `Unavailable`, never a panic: the caller says so and the page
//! keeps working; the next call tries again.

use leptos::prelude::*;

use crate::ui::UiState;

/// A part of the app that could not be fetched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unavailable;

impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// What the reader is told when a part could not be fetched.
pub const UNAVAILABLE: &str = "这部分功能没能加载（可能是网络不通），请稍后再试。";

/// Said in the page's place when the list's part could not be fetched
/// (followed by what to do: `LoadingEssay`).
pub const LIST_UNAVAILABLE: &str = "文章列表没能加载";

/// Code fetched the first time it is wanted, in two forms:
///
/// - `lazy! { fn name(args) -> AnyView { … } in part; }`: an `async fn
///   name(args) -> Result<AnyView, Unavailable>` whose view is built by the
///   part of the wasm named `part`, fetched on the first call (see the
///   module's doc). A `preload name;` after it also declares an async
///   function that only fetches the part.
/// - `lazy! { fn name(args) { … } in part; }`: an `async fn name(args) ->
///   Result<(), Unavailable>` that runs its body in the part: for work the
///   first view does not need (reading the reader's kept files), so that
///   its code is not in the first view's wasm; with `-> T`, returning
///   `Result<T, Unavailable>` (a long essay's search slice says whether
///   it is done).
///
/// Few parts: each is a module to fetch and instantiate (DEVELOPERS.md).
/// Once per module (it declares a `mod split`): beside the component or
/// the state it serves.
macro_rules! lazy {
    (
        $(#[$meta:meta])*
        $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> AnyView $body:block
        in $part:ident;
        $(preload $preload:ident;)?
    ) => {
        $crate::parts::lazy! {
            @in_part $(#[$meta])* $vis fn $name($($arg: $ty),*) -> ::leptos::prelude::AnyView
            { ::leptos::prelude::IntoAny::into_any($body) }
            in $part;
        }
        $(
            /// Fetch the part (a no-op where nothing is split).
            $vis async fn $preload() -> Result<(), $crate::parts::Unavailable> {
                #[cfg(wenji_split)]
                return split::preload().await.map_err(Into::into);
                #[cfg(not(wenji_split))]
                return Ok(());
            }
        )?
    };
    (
        $(#[$meta:meta])*
        $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) $body:block
        in $part:ident;
    ) => {
        $crate::parts::lazy! {
            @in_part $(#[$meta])* $vis fn $name($($arg: $ty),*) -> ()
            { $body; }
            in $part;
        }
    };
    (
        $(#[$meta:meta])*
        $vis:vis fn $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $out:ty $body:block
        in $part:ident;
    ) => {
        $crate::parts::lazy! {
            @in_part $(#[$meta])* $vis fn $name($($arg: $ty),*) -> $out
            $body
            in $part;
        }
    };
    // The one wiring of all: the caller's function, and the split one
    // that the release cuts off into `$part`.
    (
        @in_part $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),*) -> $out:ty
        $body:block
        in $part:ident;
    ) => {
        $(#[$meta])*
        $vis async fn $name($($arg: $ty),*) -> Result<$out, $crate::parts::Unavailable> {
            #[cfg(wenji_split)]
            let out = split::$name($($arg),*).await;
            #[cfg(not(wenji_split))]
            let out = split::$name($($arg),*);
            out
        }

        mod split {
            #[allow(unused_imports)]
            use super::*;

            #[cfg_attr(
                wenji_split,
                ::leptos::wasm_split::wasm_split(
                    $part,
                    wasm_split_path = ::leptos::wasm_split,
                    fallible,
                    preload(#[allow(dead_code)] preload)
                )
            )]
            pub(super) fn $name($($arg: $ty),*) -> Result<$out, $crate::parts::Unavailable> {
                Ok($body)
            }
        }
    };
}

pub(crate) use lazy;

/// The view a part built, or, when it could not be fetched, what
/// `unavailable` makes of `UNAVAILABLE`.
pub fn or_else(
    built: Result<AnyView, Unavailable>,
    unavailable: impl FnOnce(&'static str) -> AnyView,
) -> AnyView {
    built.unwrap_or_else(|Unavailable| unavailable(UNAVAILABLE))
}

/// The view a part built or, when it could not be fetched, nothing: the
/// reader is told why, and `close` puts away what asked for the view (a
/// panel, the help, a list of related passages).
pub fn or_close(ui: UiState, built: Result<AnyView, Unavailable>, close: impl FnOnce()) -> AnyView {
    or_else(built, |why| {
        ui.notify(why);
        close();
        ().into_any()
    })
}
