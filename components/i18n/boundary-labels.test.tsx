// The error boundary gets only the error and a reset callback, the not-found page nothing; their labels must still
// follow the root layout's language (they used to come from next-intl's client provider).
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import ErrorPage from '@/app/error';
import { NotFoundView as NotFound } from '@/components/not-found-view';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import { BoundaryLabelsProvider } from './boundary-labels';

const labelsOf = (messages: typeof en) => ({
  somethingWrong: messages.errors.somethingWrong,
  internal: messages.errors.internal,
  tryAgain: messages.errors.tryAgain,
  notFoundTitle: messages.errors.notFoundTitle,
  notFoundBody: messages.errors.notFoundBody,
  goHome: messages.errors.goHome,
});

const languages = [
  ['en', en],
  ['ja', ja],
] as const;

const renderIn = (messages: typeof en, node: ReactNode) =>
  renderToStaticMarkup(<BoundaryLabelsProvider labels={labelsOf(messages)}>{node}</BoundaryLabelsProvider>);

describe('the error boundary', () => {
  it.each(languages)('speaks the language the root layout gave it (%s)', (_, messages) => {
    const html = renderIn(messages, <ErrorPage error={Object.assign(new Error('boom'), { digest: 'd1g3st' })} reset={() => {}} />);
    expect(html).toContain(`<h1>${messages.errors.somethingWrong}</h1>`);
    expect(html).toContain(messages.errors.internal);
    expect(html).toContain(`>${messages.errors.tryAgain}</button>`);
    expect(html).toContain('d1g3st');
    expect(html).not.toContain('boom');
  });

  it('still says something, in both languages, outside the provider', () => {
    const html = renderToStaticMarkup(<ErrorPage error={new Error('boom')} reset={() => {}} />);
    expect(html).toContain('Something went wrong / 問題が発生しました');
  });
});

describe('the not-found page', () => {
  it.each(languages)('speaks the language the root layout gave it (%s)', (_, messages) => {
    const html = renderIn(messages, <NotFound />);
    expect(html).toContain(`>${messages.errors.notFoundTitle}</h1>`);
    expect(html).toContain(messages.errors.notFoundBody);
    expect(html).toContain(`href="/">${messages.errors.goHome}</a>`);
  });
});
