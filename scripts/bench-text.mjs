// What the benchmarks that open generated Word files share: the seed's
// sentences to write them with, how many characters a page holds, and the
// median of a run of figures.
import { readFile } from 'node:fs/promises';

/** Characters on a page of a Chinese Word document (小四, single spacing). */
export const CHARS_PER_PAGE = 700;

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The seed's sentences, each ending with its 。. */
export async function sentences() {
  const text = await readFile('content/zhenggong-xinde.md', 'utf8');
  return text
    .split('+++')[2]
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .flatMap((l) => l.split('。'))
    .filter((s) => s.length > 4)
    .map((s) => `${s}。`);
}
