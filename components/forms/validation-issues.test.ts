import { describe, expect, it } from 'vitest';
import { fieldMessages, validationIssues } from './validation-issues';

const tree = { _errors: [], email: { _errors: ['email', 'too_long'] }, lines: { _errors: [], 1: { _errors: [], quantity: { _errors: ['Invalid input'] } } } };

describe('validationIssues', () => {
  it('lists every refusal with the path of its field', () => {
    expect(validationIssues(tree)).toEqual([
      { path: ['email'], message: 'email' },
      { path: ['email'], message: 'too_long' },
      { path: ['lines', '1', 'quantity'], message: 'Invalid input' },
    ]);
    expect(validationIssues(undefined)).toEqual([]);
  });
});

describe('fieldMessages', () => {
  it('gives each field its first refusal: the sentence of a known code, else one naming the field', () => {
    expect(fieldMessages(tree, { email: 'Not an email address.' }, (path) => `Check ${path.join(' ')}.`)).toEqual({
      email: 'Not an email address.',
      'lines.1.quantity': 'Check lines 1 quantity.',
    });
  });

  it('never takes a code from the object prototype for a sentence', () => {
    expect(fieldMessages({ name: { _errors: ['toString'] } }, {}, () => 'Check the name.')).toEqual({ name: 'Check the name.' });
  });
});
