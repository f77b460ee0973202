//! Characters read more than one way in everyday writing, with those
//! readings (toneless, `ü` as `v`).
//!
//! Every other character is spelled by its most common reading only. A
//! dictionary lists rare readings too (是 ti, 前 jian, 大 tai, 育 zhou, 巨
//! qu): taken as spellings, they make `lilun shijian` mark 是前 and `qt`
//! mark 巨大, and a reader who counts how often a term appears is misled.
//! The list is curated by hand; a reading belongs here when a reader of
//! this kind of text meets the character read that way in common words.

pub const HETERONYMS: &[(char, &[&str])] = &[
    ('行', &["xing", "hang"]),   // 行动, 银行
    ('长', &["chang", "zhang"]), // 长远, 成长
    ('重', &["zhong", "chong"]), // 重要, 重新
    ('还', &["hai", "huan"]),    // 还是, 归还
    ('了', &["le", "liao"]),     // 了, 了解
    ('得', &["de", "dei"]),      // 获得, 得去
    ('地', &["di", "de"]),       // 地方, 认真地
    ('的', &["de", "di"]),       // 的, 的确
    ('着', &["zhe", "zhao", "zhuo"]),
    ('和', &["he", "huo", "hu"]),
    ('乐', &["le", "yue"]),      // 快乐, 音乐
    ('调', &["diao", "tiao"]),   // 调查, 协调
    ('数', &["shu", "shuo"]),    // 数据, 数见不鲜
    ('都', &["dou", "du"]),      // 都是, 首都
    ('传', &["chuan", "zhuan"]), // 传承, 传记
    ('觉', &["jue", "jiao"]),    // 觉悟, 睡觉
    ('便', &["bian", "pian"]),   // 方便, 便宜
    ('朝', &["chao", "zhao"]),   // 朝向, 朝气
    ('降', &["jiang", "xiang"]), // 降低, 投降
    ('差', &["cha", "chai", "ci"]),
    ('藏', &["cang", "zang"]),  // 隐藏, 西藏
    ('省', &["sheng", "xing"]), // 省份, 反省
    ('会', &["hui", "kuai"]),   // 会议, 会计
    ('参', &["can", "shen", "cen"]),
    ('角', &["jiao", "jue"]), // 角度, 角色
    ('给', &["gei", "ji"]),   // 给予
    ('解', &["jie", "xie"]),
    ('率', &["lv", "shuai"]), // 效率, 率先
    ('提', &["ti", "di"]),    // 提高, 提防
    ('薄', &["bao", "bo"]),
    ('强', &["qiang", "jiang"]), // 加强, 倔强
    ('系', &["xi", "ji"]),       // 关系, 系鞋带
    ('单', &["dan", "shan", "chan"]),
    ('曾', &["ceng", "zeng"]),
    ('没', &["mei", "mo"]), // 没有, 淹没
    ('大', &["da", "dai"]), // 大家, 大夫
    ('模', &["mo", "mu"]),  // 模范, 模样
    ('血', &["xue", "xie"]),
    ('塞', &["sai", "se"]),
    ('露', &["lu", "lou"]),
    ('否', &["fou", "pi"]),
    ('落', &["luo", "la", "lao"]),
    ('称', &["cheng", "chen"]), // 称为, 称职
    ('盛', &["sheng", "cheng"]),
    ('属', &["shu", "zhu"]),
    ('识', &["shi", "zhi"]), // 知识, 标识
    ('似', &["si", "shi"]),  // 相似, 似的
    ('恶', &["e", "wu"]),    // 恶劣, 厌恶
    ('奇', &["qi", "ji"]),   // 奇迹, 奇数
    ('校', &["xiao", "jiao"]),
    ('择', &["ze", "zhai"]),
    ('削', &["xue", "xiao"]),
    ('合', &["he", "ge"]),
    ('折', &["zhe", "she"]),
    ('秘', &["mi", "bi"]),
    ('什', &["shen", "shi"]),
    ('说', &["shuo", "shui"]),
    ('乘', &["cheng", "sheng"]),
    ('弹', &["dan", "tan"]),
    ('卷', &["juan", "quan"]),
    ('屏', &["ping", "bing"]),
    ('朴', &["pu", "piao", "po"]),
    ('圈', &["quan", "juan"]),
    ('色', &["se", "shai"]),
    ('石', &["shi", "dan"]),
    ('叶', &["ye", "xie"]),
    ('遗', &["yi", "wei"]),
    ('召', &["zhao", "shao"]),
    ('爪', &["zhao", "zhua"]),
    ('仔', &["zi", "zai"]), // 仔细, 牛仔
    ('沈', &["shen", "chen"]),
    ('区', &["qu", "ou"]),
    ('查', &["cha", "zha"]),
    ('仇', &["chou", "qiu"]),
    ('番', &["fan", "pan"]),
    ('厦', &["sha", "xia"]),
    ('畜', &["chu", "xu"]),
    ('卡', &["ka", "qia"]),
    ('粘', &["zhan", "nian"]),
    ('剥', &["bo", "bao"]),
    ('炮', &["pao", "bao"]),
    ('扎', &["zha", "za"]),
    ('壳', &["ke", "qiao"]),
    ('雀', &["que", "qiao"]),
    ('钥', &["yao", "yue"]),
    ('核', &["he", "hu"]),
    ('伯', &["bo", "bai"]),
    ('埋', &["mai", "man"]),
    ('脉', &["mai", "mo"]),
    ('吓', &["xia", "he"]),
    ('咽', &["yan", "ye"]),
    ('拓', &["tuo", "ta"]),
    ('迫', &["po", "pai"]),
    ('泊', &["bo", "po"]),
    ('绿', &["lv", "lu"]),
    ('六', &["liu", "lu"]),
    ('期', &["qi", "ji"]),
    ('亲', &["qin", "qing"]),
    ('度', &["du", "duo"]),
    ('劲', &["jin", "jing"]),
    ('缩', &["suo", "su"]),
    ('宿', &["su", "xiu"]),
    ('呢', &["ne", "ni"]),
    ('那', &["na", "nei"]),
    ('哪', &["na", "nei"]),
    ('这', &["zhe", "zhei"]),
    ('谁', &["shei", "shui"]),
    ('车', &["che", "ju"]),
    ('尾', &["wei", "yi"]),
    ('蔓', &["man", "wan"]),
    ('嚼', &["jiao", "jue"]),
    ('殷', &["yin", "yan"]),
    ('暴', &["bao", "pu"]),
    ('伺', &["si", "ci"]),
    ('膀', &["bang", "pang"]),
    ('颤', &["chan", "zhan"]),
];

/// The curated readings of `c`, if it is one of the characters above.
pub fn curated(c: char) -> Option<&'static [&'static str]> {
    HETERONYMS
        .iter()
        .find(|(h, _)| *h == c)
        .map(|(_, readings)| *readings)
}
