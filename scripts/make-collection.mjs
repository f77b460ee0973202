// Writes a generated collection of N essays in the content format, for the
// scale benchmark and the collection tests:
//   node scripts/make-collection.mjs N OUT_DIR
// Deterministic (a seeded generator): the same N gives the same files. Each
// essay has the seed's shape (an introduction and four chapters, each with a
// lead and two sub-sections) and about its length, made of the seed's own
// clauses recombined, so sentence lengths and vocabulary are the seed's, and
// each essay carries a theme of its own, so that theme words match only some.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SEED = join(ROOT, 'content', 'zhenggong-xinde.md');

const REGIONS = ['云南', '贵州', '四川', '广西', '湖南', '湖北', '江西', '浙江', '江苏', '山东', '河南', '河北', '陕西', '甘肃', '北京', '上海'];
const FORMATS = ['docx', 'docx', 'docx', 'doc', 'pdf', 'txt'];
const UNITS = ['基层党支部', '供电公司', '铁路局', '街道社区', '国有企业', '青年团委', '机关工委', '中学', '医院', '乡镇政府', '部队连队', '高校院系'];
const THEMES = ['安全生产', '乡村振兴', '青年工作', '廉洁自律', '班组建设', '志愿服务', '企业文化', '网格治理', '技能培训', '困难帮扶', '宣传思想', '作风建设'];
const NUMBERS = ['一', '二', '三', '四', '五', '六'];
const CHAPTER_WORDS = ['铸魂育人', '以人为本', '守正创新', '锤炼党性', '凝心聚力', '固本强基', '担当作为', '求真务实', '服务大局', '筑牢防线'];
const CHAPTER_TAILS = ['强化理论武装的深度与广度', '提升思想疏导的温度与精度', '增强工作的时代感与吸引力', '永葆干部的先进性与纯洁性', '夯实基层基础的力度与厚度', '激发队伍活力的热度与强度'];

/** mulberry32: small, fast and the same everywhere. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function seedClauses() {
  const text = await readFile(SEED, 'utf8');
  const body = text.split('+++')[2];
  const clauses = [];
  for (const line of body.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    // Clauses without their closing punctuation; the generator adds its own.
    for (const c of line.split(/[，。；：！？]/)) if (c.trim().length >= 2) clauses.push(c.trim());
  }
  return clauses;
}

export async function makeCollection(n, dir) {
  const clauses = await seedClauses();
  const rand = random(20260115);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });

  for (let i = 1; i <= n; i++) {
    const theme = pick(THEMES);
    const unit = pick(UNITS);
    const sentence = () => {
      const k = between(2, 4);
      const parts = Array.from({ length: k }, () => pick(clauses));
      // About one sentence in four speaks of the essay's theme.
      if (rand() < 0.25) parts.splice(between(0, k - 1), 0, `在${theme}中`);
      return `${parts.join('，')}。`;
    };
    const paragraph = (lo, hi) => Array.from({ length: between(lo, hi) }, sentence).join('');
    const year = between(2018, 2026);
    const date = `${year}-${String(between(1, 12)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`;
    const title = `${unit}${theme}心得体会（${String(i).padStart(4, '0')}）`;
    const lines = [
      '+++',
      `title = "${title}"`,
      `order = ${i}`,
      `format = "${pick(FORMATS)}"`,
      `chars = ${between(1800, 6000)}`,
      `pages = ${between(3, 12)}`,
      `published = ${date}`,
      `region = "${pick(REGIONS)}"`,
      `excerpt = ${rand() < 0.3}`,
      '+++',
      '',
      `## 引言：${pick(CHAPTER_WORDS)}，谈${theme}的实践体会`,
      '',
      paragraph(3, 5),
      '',
    ];
    const chapters = between(3, 4);
    for (let c = 0; c < chapters; c++) {
      lines.push(`## 篇章${NUMBERS[c]}：${pick(CHAPTER_WORDS)}，${pick(CHAPTER_TAILS)}`, '', paragraph(1, 2), '');
      for (let s = 0; s < 2; s++) {
        lines.push(`### 其${NUMBERS[s]}，${pick(clauses)}。`, '', paragraph(5, 8), '');
      }
    }
    const slug = `essay-${String(i).padStart(4, '0')}`;
    await writeFile(join(dir, `${slug}.md`), lines.join('\n'));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [n, dir] = process.argv.slice(2);
  if (!n || !dir) {
    console.error('usage: node scripts/make-collection.mjs N OUT_DIR');
    process.exit(2);
  }
  await makeCollection(Number(n), dir);
}
