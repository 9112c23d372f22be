// The public logo URL emails use: the current logo with its type (no session needed), 404 when none is set.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { GET } from '@/app/branding/logo/route';
import { closeTestDb, resetDatabase } from '@/test/integration/helpers';
import { checkLogo, logoVersion, saveBrandingLogo } from './logo';

beforeEach(resetDatabase);
afterAll(closeTestDb);

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('GET /branding/logo', () => {
  it('answers 404 while no logo is set', async () => {
    const response = await GET(new Request('http://localhost/branding/logo'));
    expect(response.status).toBe(404);
  });

  it('serves the saved logo with its type, cacheable when versioned', async () => {
    const check = checkLogo(PNG);
    if (!check.ok) throw new Error('fixture is not a PNG');
    await saveBrandingLogo(check.logo);
    const response = await GET(new Request(`http://localhost/branding/logo?v=${logoVersion(check.logo)}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toContain('max-age');
    expect(Buffer.from(await response.arrayBuffer()).equals(PNG)).toBe(true);
  });
});
