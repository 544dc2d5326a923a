import { InvalidConfigError, loadConfig } from './app-config';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/vexora',
  JWT_ACCESS_SECRET: 'k3v9Qm2Lr8Tz1Wx6Yb4Nc7Pd0Sf5Gh2Jk8Lm1Qn',
  JWT_REFRESH_SECRET: 'p0Oi9Uy8Tr7Ee6Ww5Qq4Aa3Ss2Dd1Ff0Gg9Hh8J',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
};

describe('Spotify settings', () => {
  it('should leave Spotify off without credentials', () => {
    const config = loadConfig({
      ...valid,
      SPOTIFY_CLIENT_ID: '',
      SPOTIFY_CLIENT_SECRET: '',
    });

    expect(config.spotify).toBeUndefined();
    expect(config.music.searchCacheTtlMs).toBe(120_000);
  });

  it('should build the Spotify block with the real hosts by default', () => {
    const config = loadConfig({
      ...valid,
      SPOTIFY_CLIENT_ID: 'id',
      SPOTIFY_CLIENT_SECRET: 'secret',
    });

    expect(config.spotify).toEqual({
      accountsUrl: 'https://accounts.spotify.com',
      apiUrl: 'https://api.spotify.com/v1',
      clientId: 'id',
      clientSecret: 'secret',
      market: 'US',
      maxRetryAfterSeconds: 2,
      timeoutMs: 3000,
    });
  });

  it('should take other hosts and strip their trailing slashes', () => {
    const config = loadConfig({
      ...valid,
      SPOTIFY_ACCOUNTS_URL: 'http://127.0.0.1:4010/',
      SPOTIFY_API_URL: 'http://127.0.0.1:4010/v1/',
      SPOTIFY_CLIENT_ID: 'id',
      SPOTIFY_CLIENT_SECRET: 'secret',
    });

    expect(config.spotify?.accountsUrl).toBe('http://127.0.0.1:4010');
    expect(config.spotify?.apiUrl).toBe('http://127.0.0.1:4010/v1');
  });

  it.each([
    [
      'only the client id',
      { SPOTIFY_CLIENT_ID: 'id' },
      /SPOTIFY_CLIENT_SECRET/,
    ],
    [
      'only the secret',
      { SPOTIFY_CLIENT_SECRET: 'secret' },
      /SPOTIFY_CLIENT_ID/,
    ],
    [
      'a non-URL API',
      { SPOTIFY_API_URL: 'api.spotify.com' },
      /SPOTIFY_API_URL/,
    ],
    ['a lower-case market', { SPOTIFY_MARKET: 'us' }, /SPOTIFY_MARKET/],
  ])('should refuse to start with %s', (_case, override, message) => {
    expect(() => loadConfig({ ...valid, ...override })).toThrow(
      InvalidConfigError,
    );
    expect(() => loadConfig({ ...valid, ...override })).toThrow(message);
  });
});
