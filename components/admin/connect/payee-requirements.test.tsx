// Operators read what a payee still owes Stripe in the payee page's plain groups; Stripe's codes stay available
// but folded, in a line that wraps anywhere, so a long list never widens the payees table.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import { PayeeRequirements } from './payee-requirements';

const codes = ['business_profile.mcc', 'business_profile.product_description', 'external_account', 'individual.first_name_kana', 'tos_acceptance.date'];

function render(messages: typeof ja, locale: 'ja' | 'en', due: string[]) {
  const m = messages.connect.payees;
  const labels = { requirements: m.requirements, none: m.requirementsNone, groups: m.requirementGroups, codes: m.requirementCodes.replace('{count}', String(due.length)) };
  return renderToStaticMarkup(<PayeeRequirements codes={due} labels={labels} locale={locale} />);
}

describe('PayeeRequirements', () => {
  it('names what is due in plain groups, in the reader’s language', () => {
    expect(render(ja, 'ja', codes)).toContain('未提出の情報：本人情報、事業情報、報酬の振込先口座、Stripe 利用規約への同意</span>');
    expect(render(en, 'en', codes)).toContain('Outstanding requirements: personal details, business details, bank account for payouts, acceptance of Stripe&#x27;s terms</span>');
  });

  it('keeps Stripe’s codes folded in a details element whose line wraps anywhere', () => {
    const html = render(ja, 'ja', codes);
    expect(html).toMatch(/<details[^>]*><summary[^>]*>Stripe の項目コード（5件）<\/summary><p class="[^"]*\[overflow-wrap:anywhere\][^"]*">business_profile\.mcc, business_profile\.product_description, /);
    // Outside the details, no code: the visible line is words only.
    expect(html.replace(/<details.*<\/details>/, '')).not.toContain('business_profile');
  });

  it('says none when nothing is due', () => {
    expect(render(ja, 'ja', [])).toBe('<span class="block text-xs text-slate-600">未提出の情報：なし</span>');
  });
});
