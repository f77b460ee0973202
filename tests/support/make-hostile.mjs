// Writes the hostile content collection used by tests/hostile.test.mjs:
// markup, scripts, entities, bidi and zero-width controls, combining marks,
// emoji and astral characters, a single 1 MB line and a 10,000-character
// title. Generated rather than committed, for its size.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const TITLE = `标题${'长'.repeat(9_990)}<b>x</b>`.slice(0, 10_000);
export const LINE_END = '终点标记';
export const LONG_LINE = `${'政工工作，守正创新。'.repeat(34_900).slice(0, 349_000)}${LINE_END}`;

export const PARAGRAPHS = {
  script: '<script>console.log("pwned-script");alert(1)</script>脚本之后的文字',
  img: '<img src=x onerror="console.log(\'pwned-img\');alert(2)">图片之后的文字',
  link: '[点我](javascript:alert(3)) 与 <a href="javascript:alert(4)">链接</a>',
  entities: '&lt;b&gt;不是粗体&lt;/b&gt; &amp; &#x3C;script&#x3E; &nbsp;',
  raw: '<div onclick="alert(5)"><iframe src="data:text/html,<script>alert(6)</script>"></iframe></div>',
  bidi: '前\u202e反向文字\u202c后，零\u200b宽\u200d字符\ufeff',
  combining: 'e\u0301 a\u0308 中\u0301文 Z\u0337\u0336\u0335',
  astral: '表情👩‍👩‍👧🇨🇳𠀀𪚥 之后守正创新',
};

export async function makeHostile(dir) {
  await mkdir(dir, { recursive: true });
  const text = `+++
title = ${JSON.stringify(TITLE)}
order = 1
format = "docx"
chars = 1
pages = 1
published = 2026-01-15
region = "<script>alert(7)</script>"
excerpt = false
+++

## 引言：<script>alert(8)</script>

${Object.values(PARAGRAPHS).join('\n\n')}

## 篇章一：一行一兆

${LONG_LINE}

### 其一，<img src=x onerror=alert(9)>。

&lt;script&gt; 与 <style>body{display:none}</style> 都是文字。
`;
  await writeFile(join(dir, 'hostile.md'), text);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await makeHostile(process.argv[2] ?? 'target/hostile-content');
}
