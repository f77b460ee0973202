//! The classic scripts that run before the app (`public/*-early.js`) need
//! a few of the app's definitions: storage keys, formats, allowed values.
//! They hold a placeholder (`/*wenji:prefs*/`, `/*wenji:folding*/`,
//! `/*wenji:fault*/`) that this step fills from `wenji_core`, so that each
//! is written once.

use wenji_core::{fault, fold, prefs};

use crate::js::json_string;

fn prefs_config() -> String {
    let allowed = prefs::early_values()
        .iter()
        .map(|(field, values)| {
            let values: Vec<String> = values.iter().map(|v| json_string(v)).collect();
            format!("{}:[{}]", json_string(field), values.join(","))
        })
        .collect::<Vec<_>>()
        .join(",");
    format!(
        "{{\"key\":{},\"version\":{},\"allowed\":{{{allowed}}},\"dark\":[{},{},{}]}}",
        json_string(prefs::STORAGE_KEY),
        json_string(prefs::VERSION),
        json_string(prefs::Theme::Dark.attr().unwrap_or_default()),
        json_string(prefs::SYSTEM_DARK_QUERY),
        json_string(prefs::DARK_CLASS),
    )
}

fn folding_config() -> String {
    format!(
        "{{\"key\":{},\"version\":{},\"body\":{},\"button\":{}}}",
        json_string(fold::STORAGE_KEY_PREFIX),
        json_string(fold::STORED_VERSION),
        json_string(fold::BODY_SUFFIX),
        json_string(fold::BUTTON_SUFFIX)
    )
}

fn fault_config() -> String {
    format!(
        "{{\"id\":{},\"show\":{},\"trapped\":{},\"reload\":{}}}",
        json_string(fault::NOTICE_ID),
        json_string(fault::SHOW_FUNCTION),
        json_string(fault::TRAPPED),
        json_string(fault::RELOAD)
    )
}

/// `js` with its placeholders filled; an error for a placeholder this step
/// does not know (a typo would otherwise run as `undefined`).
pub fn fill(name: &str, js: &str) -> anyhow::Result<String> {
    let mut out = js
        .replace("/*wenji:prefs*/", &prefs_config())
        .replace("/*wenji:folding*/", &folding_config())
        .replace("/*wenji:fault*/", &fault_config());
    if let Some(at) = out.find("/*wenji:") {
        let end = out[at..].find("*/").map_or(out.len(), |e| at + e + 2);
        anyhow::bail!("{name}: unknown placeholder {}", &out[at..end]);
    }
    out.shrink_to_fit();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scripts_get_the_definitions_of_the_app() {
        let prefs = fill("p.js", "f(/*wenji:prefs*/);").unwrap();
        assert_eq!(
            prefs,
            concat!(
                r#"f({"key":"wenji:prefs","version":"wenji-prefs-v1","allowed":{"#,
                r#""theme":["light","dark","sepia"],"size":["0","1","2","3","4"],"font":["sans","serif"]},"#,
                r#""dark":["dark","(prefers-color-scheme: dark)","dark"]});"#
            )
        );
        let folding = fill("f.js", "f(/*wenji:folding*/);").unwrap();
        assert!(
            folding.contains(r#""version":"wenji-folding-v1""#),
            "{folding}"
        );
        assert!(folding.contains(r#""button":"-fold""#), "{folding}");
        let fault = fill("t.js", "f(/*wenji:fault*/);").unwrap();
        assert!(
            fault.contains(r#""show":"wenjiFault""#) && fault.contains("阅读器出错了"),
            "{fault}"
        );
    }

    #[test]
    fn the_project_scripts_are_filled_and_an_unknown_placeholder_fails() {
        for name in ["prefs-early.js", "folding-early.js", "fault-early.js"] {
            let path = format!("{}/../../public/{name}", env!("CARGO_MANIFEST_DIR"));
            let js = std::fs::read_to_string(&path).unwrap();
            let filled = fill(name, &js).unwrap();
            assert!(
                !filled.contains("/*wenji:") && filled.contains("})({\""),
                "{name}"
            );
        }
        let err = fill("x.js", "f(/*wenji:prefz*/)").unwrap_err().to_string();
        assert!(
            err.contains("x.js") && err.contains("/*wenji:prefz*/"),
            "{err}"
        );
    }
}
