import { AppConfig, InvalidConfigError, loadConfig } from './app-config';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/vexora',
  JWT_ACCESS_SECRET: 'k3v9Qm2Lr8Tz1Wx6Yb4Nc7Pd0Sf5Gh2Jk8Lm1Qn',
  JWT_REFRESH_SECRET: 'p0Oi9Uy8Tr7Ee6Ww5Qq4Aa3Ss2Dd1Ff0Gg9Hh8J',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
};

describe(loadConfig.name, () => {
  it('should build the typed tree with the documented defaults', () => {
    const config = loadConfig(valid);

    expect(config).toBeInstanceOf(AppConfig);
    expect(config.port).toBe(5555);
    expect(config.auth.accessTtlSeconds).toBe(3600);
    expect(config.auth.refreshTtlSeconds).toBe(30 * 24 * 3600);
    expect(config.auth.otpTtlSeconds).toBe(300);
    expect(config.images.maxUploadBytes).toBe(10 * 1024 * 1024);
    expect(config.mail.smtpUrl).toBeUndefined();
    expect(config.publicUrl('/assets/cover.png')).toBe(
      'http://localhost:5555/assets/cover.png',
    );
  });

  it('should treat empty values as unset', () => {
    const config = loadConfig({ ...valid, PORT: '', SMTP_URL: '' });

    expect(config.port).toBe(5555);
    expect(config.mail.smtpUrl).toBeUndefined();
  });

  it('should strip a trailing slash from PUBLIC_BASE_URL', () => {
    const config = loadConfig({
      ...valid,
      PUBLIC_BASE_URL: 'https://api.vexora.app/',
    });

    expect(config.publicUrl('assets/avatar.png')).toBe(
      'https://api.vexora.app/assets/avatar.png',
    );
  });

  it.each([
    ['a missing secret', { JWT_ACCESS_SECRET: undefined }, /JWT_ACCESS_SECRET/],
    [
      'a placeholder secret',
      { JWT_REFRESH_SECRET: 'change-me-refresh-change-me-refresh-000' },
      /placeholder/,
    ],
    ['a short secret', { JWT_ACCESS_SECRET: 'short' }, /at least 32/],
    [
      'equal secrets',
      { JWT_REFRESH_SECRET: valid.JWT_ACCESS_SECRET },
      /must differ/,
    ],
    ['a missing database', { DATABASE_URL: undefined }, /DATABASE_URL/],
    ['a non-redis REDIS_URL', { REDIS_URL: 'http://127.0.0.1' }, /REDIS_URL/],
    ['a non-numeric port', { PORT: 'eighty' }, /PORT/],
  ])('should refuse to start with %s', (_case, override, message) => {
    expect(() => loadConfig({ ...valid, ...override })).toThrow(
      InvalidConfigError,
    );
    expect(() => loadConfig({ ...valid, ...override })).toThrow(message);
  });
});
