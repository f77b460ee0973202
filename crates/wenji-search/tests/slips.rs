//! How well the near matches forgive the slips a reader makes, over the
//! seed essay and the words the generated collection adds to it
//! (`scripts/make-collection.mjs`): a list of slips of every kind, part of
//! which was used while the rules were made (`TUNED`) and part written
//! beforehand and kept out of it (`HELD_BACK`); and words the collection
//! never uses, which must be offered nothing.
//!
//! `cargo test -p wenji-search --test slips -- --nocapture` prints the
//! share offered for each kind.
#![cfg(feature = "build-likeness")]

use std::collections::BTreeMap;

use wenji_search::folded::Folded;
use wenji_search::likeness::Likeness;
use wenji_search::likeness_build::likeness_for;
use wenji_search::near::{forgivable, Judge, NearMatches, Slip};
use wenji_search::{Query, Tables};

/// (typed, meant, kind); the kind by the dictionary's most common reading
/// (为 wei4, so 以人唯本 is another tone).
type Case = (&'static str, &'static str, Slip);

/// Slips looked at while the rules were written.
const TUNED: &[Case] = &[
    ("以人唯本", "以人为本", Slip::OtherTone),
    ("锤练党性", "锤炼党性", Slip::SameTone),
    ("学深悟头", "学深悟透", Slip::OtherTone),
    ("以人为笨", "以人为本", Slip::OtherTone),
    ("生明线", "生命线", Slip::OtherTone),
    ("正人先正已", "正人先正己", Slip::Shape),
    ("身命线", "生命线", Slip::HeardAlike),
    ("命生线", "生命线", Slip::Swapped),
    ("同行交借鉴", "同行交流借鉴", Slip::Missing),
    ("生线", "生命线", Slip::Missing),
    ("同行交流流借鉴", "同行交流借鉴", Slip::Extra),
];

/// Slips written before the rules and not used to make them.
const HELD_BACK: &[Case] = &[
    ("生命现", "生命线", Slip::SameTone),
    ("抛专引玉", "抛砖引玉", Slip::SameTone),
    ("宝贵材富", "宝贵财富", Slip::SameTone),
    ("墨守成归", "墨守成规", Slip::SameTone),
    ("与时具进", "与时俱进", Slip::SameTone),
    ("喜闻乐建", "喜闻乐见", Slip::SameTone),
    ("敞开心非", "敞开心扉", Slip::SameTone),
    ("志愿服物", "志愿服务", Slip::SameTone),
    ("廉洁自率", "廉洁自律", Slip::SameTone),
    ("束之高格", "束之高阁", Slip::SameTone),
    ("接地汽", "接地气", Slip::SameTone),
    ("针对姓", "针对性", Slip::SameTone),
    ("职公", "职工", Slip::SameTone),
    ("疏到", "疏导", Slip::OtherTone),
    ("抛砖引鱼", "抛砖引玉", Slip::OtherTone),
    ("束之高搁", "束之高阁", Slip::OtherTone),
    ("志原服务", "志愿服务", Slip::OtherTone),
    ("喜闻乐间", "喜闻乐见", Slip::OtherTone),
    ("灵混工程", "灵魂工程", Slip::OtherTone),
    ("安全生缠", "安全生产", Slip::OtherTone),
    ("打铁还需自身影", "打铁还需自身硬", Slip::OtherTone),
    ("大十大非", "大是大非", Slip::OtherTone),
    ("抛砖引王", "抛砖引玉", Slip::Shape),
    ("干差万别", "千差万别", Slip::Shape),
    ("说服刀", "说服力", Slip::Shape),
    ("入脑人心", "入脑入心", Slip::Shape),
    ("太是大非", "大是大非", Slip::Shape),
    ("便命感", "使命感", Slip::Shape),
    ("徽视频", "微视频", Slip::Shape),
    ("纷繁夏杂", "纷繁复杂", Slip::Shape),
    ("路线万针政策", "路线方针政策", Slip::Shape),
    ("班组建没", "班组建设", Slip::Shape),
    ("因难帮扶", "困难帮扶", Slip::Shape),
    ("守正创星", "守正创新", Slip::HeardAlike),
    ("赞稳脚跟", "站稳脚跟", Slip::HeardAlike),
    ("锤年党性", "锤炼党性", Slip::HeardAlike),
    ("凝心聚尼", "凝心聚力", Slip::HeardAlike),
    ("作风建涩", "作风建设", Slip::HeardAlike),
    ("入老入心", "入脑入心", Slip::HeardAlike),
    ("死命感", "使命感", Slip::HeardAlike),
    ("窜帮带", "传帮带", Slip::HeardAlike),
    ("求真务四", "求真务实", Slip::HeardAlike),
    ("筑脑防线", "筑牢防线", Slip::HeardAlike),
    ("打铁需自身硬", "打铁还需自身硬", Slip::Missing),
    ("润物无声", "润物细无声", Slip::Missing),
    ("先进性纯洁性", "先进性与纯洁性", Slip::Missing),
    ("理论装", "理论武装", Slip::Missing),
    ("喜乐见", "喜闻乐见", Slip::Missing),
    ("思想态", "思想动态", Slip::Missing),
    ("乡振兴", "乡村振兴", Slip::Missing),
    ("供公司", "供电公司", Slip::Missing),
    ("深耕工沃土", "深耕政工沃土", Slip::Missing),
    (
        "强化理论武的深度与广度",
        "强化理论武装的深度与广度",
        Slip::Missing,
    ),
    ("学深深悟透", "学深悟透", Slip::Extra),
    ("大水的漫灌", "大水漫灌", Slip::Extra),
    ("墨守着成规", "墨守成规", Slip::Extra),
    ("凝心聚合力", "凝心聚力", Slip::Extra),
    ("守正和创新", "守正创新", Slip::Extra),
    ("一把钥匙开的一把锁", "一把钥匙开一把锁", Slip::Extra),
    ("接地的气", "接地气", Slip::Extra),
    ("学悟深透", "学深悟透", Slip::Swapped),
    ("工政", "政工", Slip::Swapped),
    ("以为人本", "以人为本", Slip::Swapped),
    ("锤党炼性", "锤炼党性", Slip::Swapped),
    ("路铁局", "铁路局", Slip::Swapped),
    ("润物无细声", "润物细无声", Slip::Swapped),
    ("传带帮", "传帮带", Slip::Swapped),
];

/// Words a reader might look for that the collection never uses.
const ABSENT: &[&str] = &[
    "电脑",
    "手机",
    "足球",
    "飞机",
    "咖啡",
    "熊猫",
    "地铁",
    "沙漠",
    "钢琴",
    "冰箱",
    "篮球",
    "火锅",
    "高铁",
    "股票",
    "天气预报",
    "人工智能",
    "量子计算",
    "新冠疫情",
    "房地产",
    "旅游攻略",
];

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

/// The seed essay, and every quoted word of the generator's lists.
fn corpus() -> Vec<String> {
    let seed = std::fs::read_to_string(format!("{ROOT}/content/zhenggong-xinde.md")).unwrap();
    let generator = std::fs::read_to_string(format!("{ROOT}/scripts/make-collection.mjs")).unwrap();
    let mut texts = vec![seed];
    for line in generator
        .lines()
        .filter(|l| l.starts_with("const ") && l.contains("= ['"))
    {
        texts.extend(line.split('\'').skip(1).step_by(2).map(str::to_owned));
    }
    assert!(texts.len() > 50, "the generator's lists were read");
    texts
}

struct Setup {
    tables: Tables,
    likeness: Likeness,
    folded: Vec<Folded>,
}

fn setup() -> Setup {
    let texts = corpus();
    let tables = Tables::for_texts(texts.iter().map(String::as_str));
    let likeness = Likeness::from_compact(&likeness_for(texts.iter().flat_map(|t| t.chars())));
    let folded = texts.iter().map(|t| Folded::new(t, &tables)).collect();
    Setup {
        tables,
        likeness,
        folded,
    }
}

impl Setup {
    fn contains(&self, s: &str) -> bool {
        let f = self.tables.fold_str(s);
        self.folded
            .iter()
            .any(|t| t.chars().iter().collect::<String>().contains(&f))
    }

    fn offered(&self, typed: &str) -> Vec<(String, Slip)> {
        let query = Query::parse(typed, &self.tables);
        let Some(term) = forgivable(&query) else {
            return Vec::new();
        };
        let judge = Judge {
            tables: &self.tables,
            likeness: &self.likeness,
        };
        let mut near = NearMatches::default();
        for text in &self.folded {
            near.scan(&term, text, judge);
        }
        near.offered()
            .into_iter()
            .map(|n| (n.form, n.slip))
            .collect()
    }
}

/// For each kind: (slips, offered, offered first, found as that kind).
fn score(setup: &Setup, cases: &[Case]) -> BTreeMap<Slip, [usize; 4]> {
    let mut by_kind: BTreeMap<Slip, [usize; 4]> = BTreeMap::new();
    for &(typed, meant, kind) in cases {
        assert!(setup.contains(meant), "{meant} is in the corpus");
        assert!(
            !setup.contains(typed),
            "{typed} is a slip, not a word of the corpus"
        );
        let offered = setup.offered(typed);
        let at = offered.iter().position(|(form, _)| form == meant);
        let s = by_kind.entry(kind).or_default();
        s[0] += 1;
        s[1] += usize::from(at.is_some());
        s[2] += usize::from(at == Some(0));
        s[3] += usize::from(at.is_some_and(|i| offered[i].1 == kind));
        if at.is_none() {
            println!("  not offered: {typed} → {meant} ({kind:?}); offered {offered:?}");
        }
    }
    for (kind, [n, offered, first, as_kind]) in &by_kind {
        println!("  {kind:?}: {offered}/{n} offered, {first} first, {as_kind} as {kind:?}");
    }
    by_kind
}

#[test]
fn every_slip_looked_at_is_forgiven() {
    let setup = setup();
    println!("tuned:");
    let s = score(&setup, TUNED);
    for (kind, [n, offered, ..]) in s {
        assert_eq!(offered, n, "{kind:?}");
    }
}

#[test]
fn slips_held_back_are_forgiven() {
    let setup = setup();
    println!("held back:");
    let s = score(&setup, HELD_BACK);
    let (n, offered) = s.values().fold((0, 0), |(n, o), v| (n + v[0], o + v[1]));
    println!("  all: {offered}/{n}");
    assert!(HELD_BACK.len() >= 40);
    // Every kind is represented, and nearly every slip is offered.
    assert_eq!(s.len(), 7);
    assert!(offered * 10 >= n * 9, "{offered}/{n}");
}

#[test]
fn words_the_collection_never_uses_are_offered_nothing() {
    let setup = setup();
    let mut false_offers = Vec::new();
    for word in ABSENT {
        assert!(!setup.contains(word), "{word} is absent");
        let offered = setup.offered(word);
        if !offered.is_empty() {
            false_offers.push((word, offered));
        }
    }
    println!(
        "absent words offered something: {}/{}: {false_offers:?}",
        false_offers.len(),
        ABSENT.len()
    );
    assert_eq!(false_offers, Vec::new());
}
