// The Japanese billing glossary: one name for one thing, in the forms a Japanese accounting department writes
// (compound nouns without okurigana, as on ledgers and in 公用文: 支払期限, 支払日, 支払方法, 支払済み), and the
// yen sign written one way (the full-width ￥ that Intl uses for ja). messages/ja.json and the Japanese receipt
// follow it; glossary.test.ts fails when a variant creeps back in.

export type GlossaryEntry = { term: string; variants: RegExp };

export const japaneseGlossary: readonly GlossaryEntry[] = [
  { term: '支払済み', variants: /支払い済|支払済(?!み)/ },
  { term: '支払方法', variants: /支払い方法|お支払方法/ },
  { term: '支払期限', variants: /支払い期限|お支払期限/ },
  { term: '支払日', variants: /支払い日|お支払日/ },
  { term: '請求担当者', variants: /請求管理者|請求責任者/ },
  { term: '￥', variants: /¥/ },
  // A range: the wave dash, as the messages write it, not the full-width tilde some keyboards give.
  { term: '〜', variants: /～/ },
];

/** Every variant found in `text`, as "variant → term". */
export function glossaryViolations(text: string): string[] {
  return japaneseGlossary.flatMap((entry) => {
    const found = text.match(new RegExp(entry.variants.source, 'g')) ?? [];
    return [...new Set(found)].map((variant) => `${variant} → ${entry.term}`);
  });
}
