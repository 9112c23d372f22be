import { describe, expect, it } from 'vitest';
import { parseForm } from './form.js';
import { StripeError } from './errors.js';
import { p } from './params.js';

describe('parseForm', () => {
  it('decodes bracket nesting, indexed and empty-bracket arrays as the stripe SDK and Stripe.js send them', () => {
    const tree = parseForm('email=a%40b.co&address[line1]=1+Main&items[0][price]=p1&items[1][price]=p2&expand[]=x&expand[]=y&metadata[k]=');
    expect(JSON.parse(JSON.stringify(tree))).toEqual({
      email: 'a@b.co',
      address: { line1: '1 Main' },
      items: { '0': { price: 'p1' }, '1': { price: 'p2' } },
      expand: { '0': 'x', '1': 'y' },
      metadata: { k: '' },
    });
  });

  it('refuses prototype keys and a value that is both a string and a hash', () => {
    expect(() => parseForm('__proto__[polluted]=1')).toThrow(StripeError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() => parseForm('a=1&a[b]=2')).toThrow(/Invalid hash for a/);
    expect(() => parseForm('a%ZZ=1')).toThrow(StripeError);
  });
});

describe('param schemas', () => {
  const schema = p.object({
    name: p.required(p.string()),
    count: p.integer({ min: 1 }),
    note: p.emptyable(p.string()),
    tags: p.array(p.string()),
    metadata: p.metadata(),
  });

  it('types and coerces values, turning indexed objects into ordered arrays', () => {
    const parsed = schema.parse(parseForm('name=x&count=3&tags[1]=b&tags[0]=a&note=&metadata[k]=v'), '');
    expect(parsed).toEqual({ name: 'x', count: 3, tags: ['a', 'b'], note: null, metadata: { k: 'v' } });
  });

  it('names the offending param as Stripe does', () => {
    const error = (form: string): StripeError => {
      try {
        schema.parse(parseForm(form), '');
      } catch (e) {
        if (e instanceof StripeError) return e;
      }
      throw new Error(`expected ${form} to be refused`);
    };
    expect(error('count=1').extra).toMatchObject({ code: 'parameter_missing', param: 'name' });
    expect(error('name=x&count=1.5').extra).toMatchObject({ code: 'parameter_invalid_integer', param: 'count' });
    expect(error('name=x&count=0').extra.param).toBe('count');
    expect(error('name=').extra).toMatchObject({ code: 'parameter_invalid_empty', param: 'name' });
    expect(error('name=x&tags[a]=1').extra.code).toBe('parameter_invalid_array');
    expect(error('name=x&zip=1').message).toBe('Received unknown parameter: zip');
  });

  it('clears all metadata with metadata= and one key with metadata[k]=', () => {
    expect(schema.parse(parseForm('name=x&metadata='), '').metadata).toBeNull();
    expect(schema.parse(parseForm('name=x&metadata[k]='), '').metadata).toEqual({ k: '' });
  });
});
