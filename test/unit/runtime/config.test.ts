import { ConfigError, loadConfig } from '../../../src/runtime/config';

describe('configuration', () => {
  it('defaults to the local Neo4j on port 4000', () => {
    expect(loadConfig({})).toEqual({
      neo4jUri: undefined,
      neo4jUser: 'neo4j',
      neo4jPassword: '',
      neo4jDatabase: 'neo4j',
      neo4jHome: undefined,
      queryTimeoutMs: 10_000,
      port: 4000,
      host: '127.0.0.1',
      development: false,
      logLevel: 'info',
      maxQueryComplexity: 200_000,
      editorTokens: [],
      corsOrigins: '*',
      operationTimeoutMs: 20_000,
      dbMaxConcurrency: 16,
      projection: { pollMs: 500, maxEdges: 4_000_000, layout: true },
      meaning: { enabled: true },
    });
  });

  it('turns the sentence model off, or reads it from a folder of its files', () => {
    expect(loadConfig({ MEANING: 'off' }).meaning).toEqual({ enabled: false });
    expect(loadConfig({ MEANING_MODEL_DIR: '/models/minilm' }).meaning).toEqual({ enabled: true, modelDir: '/models/minilm' });
    expect(() => loadConfig({ MEANING: 'maybe' })).toThrow(/MEANING must be on or off/);
  });

  it('turns the projection and its layout off, and bounds its settings', () => {
    expect(loadConfig({ PROJECTION: 'off' }).projection).toBeNull();
    expect(loadConfig({ PROJECTION_LAYOUT: 'off', PROJECTION_POLL_MS: '250' }).projection).toEqual({ pollMs: 250, maxEdges: 4_000_000, layout: false });
    expect(() => loadConfig({ PROJECTION: 'maybe' })).toThrow(/PROJECTION must be on or off/);
    expect(() => loadConfig({ PROJECTION_POLL_MS: '10' })).toThrow(/PROJECTION_POLL_MS/);
  });

  it('reads the CORS origins as a list, or any origin', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.org, http://localhost:5173' }).corsOrigins).toEqual([
      'https://app.example.org',
      'http://localhost:5173',
    ]);
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
    expect(() => loadConfig({ CORS_ORIGINS: 'app.example.org/path' })).toThrow(/CORS_ORIGINS must be \* or a comma-separated list of origins/);
  });

  it('reads editor tokens, and refuses short ones without echoing them', () => {
    expect(loadConfig({ EDITOR_TOKENS: ' aaaaaaaaaaaaaaaa , bbbbbbbbbbbbbbbbbbbb ' }).editorTokens).toEqual(['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbb']);
    expect(() => loadConfig({ EDITOR_TOKENS: 'short-secret' })).toThrow(
      /EDITOR_TOKENS must be a comma-separated list of tokens of at least 16 characters each$/,
    );
    expect(() => loadConfig({ EDITOR_TOKENS: 'short-secret' })).not.toThrow(/short-secret/);
  });

  it('takes an Aura-style URI with credentials', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'graph',
      PORT: '8080',
    });
    expect(config).toMatchObject({
      neo4jUri: 'neo4j+s://abc.databases.neo4j.io',
      neo4jUser: 'reader',
      neo4jPassword: 'secret',
      neo4jDatabase: 'graph',
      port: 8080,
    });
  });

  it.each([
    ['PORT', 'eighty', /PORT must be a number \(got "eighty"\)/],
    ['PORT', '70000', /PORT must be from 1 to 65535 \(got "70000"\)/],
    ['NEO4J_URI', 'http://localhost:7474', /NEO4J_URI must start with one of bolt:\/\//],
    ['NEO4J_DATABASE', 'no spaces', /NEO4J_DATABASE is not a database name/],
  ])('names %s when it is invalid', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
