import { EditorTokens } from '../../../src/server/editor-tokens';

describe('editor tokens', () => {
  const tokens = new EditorTokens(['first-token-0123456789', 'second-token-0123456789']);

  it('allows any configured token as a bearer token', () => {
    expect(tokens.check('Bearer first-token-0123456789')).toEqual({ allowed: true, reason: null });
    expect(tokens.check('bearer second-token-0123456789')).toEqual({ allowed: true, reason: null });
  });

  it('tells a missing token from a wrong one', () => {
    expect(tokens.check(undefined)).toEqual({ allowed: false, reason: 'missing' });
    expect(tokens.check('Basic abc')).toEqual({ allowed: false, reason: 'missing' });
    expect(tokens.check('Bearer first-token-012345678')).toEqual({ allowed: false, reason: 'invalid' });
  });

  it('allows nothing when no tokens are configured', () => {
    expect(new EditorTokens([]).check('Bearer first-token-0123456789')).toEqual({ allowed: false, reason: 'disabled' });
  });
});
