import { FakeSpotify } from '../../../../../test/support/fake-spotify';
import { Clock } from './clock';
import { SpotifyTokenProvider } from './spotify-token-provider';
import { SpotifyUnavailableError } from './spotify-unavailable.error';

class ManualClock implements Clock {
  current = Date.UTC(2026, 0, 1);

  now(): number {
    return this.current;
  }

  async sleep(milliseconds: number): Promise<void> {
    this.current += milliseconds;
  }
}

describe(SpotifyTokenProvider.name, () => {
  const fake = new FakeSpotify();
  let clock: ManualClock;
  let provider: SpotifyTokenProvider;

  beforeAll(async () => {
    await fake.start();
  });

  afterAll(async () => {
    await fake.stop();
  });

  beforeEach(() => {
    fake.reset();
    fake.expiresInSeconds = 3600;
    clock = new ManualClock();
    provider = new SpotifyTokenProvider(fake.settings(), clock);
  });

  describe('token', () => {
    it('should reuse the token until shortly before it expires', async () => {
      const first = await provider.token();
      clock.current += (3600 - 61) * 1000;

      await expect(provider.token()).resolves.toBe(first);
      expect(fake.tokenRequests).toBe(1);
    });

    it('should renew the token in the last minute of its life', async () => {
      const first = await provider.token();
      clock.current += (3600 - 59) * 1000;

      const second = await provider.token();

      expect(second).not.toBe(first);
      expect(fake.tokenRequests).toBe(2);
    });

    it('should renew a short-lived token at half its life', async () => {
      fake.expiresInSeconds = 60;
      const first = await provider.token();
      clock.current += 29_000;
      await expect(provider.token()).resolves.toBe(first);

      clock.current += 2_000;

      await expect(provider.token()).resolves.not.toBe(first);
    });

    it('should fetch one token for concurrent callers', async () => {
      const tokens = await Promise.all([
        provider.token(),
        provider.token(),
        provider.token(),
      ]);

      expect(new Set(tokens).size).toBe(1);
      expect(fake.tokenRequests).toBe(1);
    });

    it('should reject with the status when the credentials are wrong', async () => {
      const wrong = new SpotifyTokenProvider(
        fake.settings({ clientId: 'someone-else' }),
        clock,
      );

      await expect(wrong.token()).rejects.toMatchObject({
        name: SpotifyUnavailableError.name,
        status: 400,
      });
    });
  });

  describe('invalidate', () => {
    it('should fetch a new token after the current one is refused', async () => {
      const first = await provider.token();

      provider.invalidate(first);

      await expect(provider.token()).resolves.not.toBe(first);
      expect(provider.tokenRequests).toBe(2);
    });

    it('should keep a newer token when an older one is reported', async () => {
      const first = await provider.token();
      provider.invalidate(first);
      const second = await provider.token();

      provider.invalidate(first);

      await expect(provider.token()).resolves.toBe(second);
      expect(fake.tokenRequests).toBe(2);
    });
  });
});
