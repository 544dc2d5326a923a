import {
  EMPTY_SEARCH_QUERY,
  FakeSpotify,
  readSpotifyFixture,
  SPOTIFY_IDS,
} from '../../../../../test/support/fake-spotify';
import { SpotifyApiClient } from './spotify-api-client';
import { SpotifyMusicCatalog } from './spotify-music-catalog';
import { SpotifyTokenProvider } from './spotify-token-provider';
import { SpotifyUnavailableError } from './spotify-unavailable.error';

describe(SpotifyMusicCatalog.name, () => {
  const fake = new FakeSpotify();
  let tokens: SpotifyTokenProvider;
  let client: SpotifyApiClient;
  let catalog: SpotifyMusicCatalog;

  beforeAll(async () => {
    await fake.start();
  });

  afterAll(async () => {
    await fake.stop();
  });

  beforeEach(() => {
    fake.reset();
    tokens = new SpotifyTokenProvider(fake.settings());
    client = new SpotifyApiClient(fake.settings(), tokens);
    catalog = new SpotifyMusicCatalog(client, 'US');
  });

  describe('search', () => {
    it('should map one page of at most 10 tracks with covers and links', async () => {
      const tracks = await catalog.search('genre:pop', 25);

      expect(tracks).toHaveLength(10);
      expect(tracks[0]).toEqual({
        album: 'Sunroom Static',
        artists: ['Juno Halvorsen'],
        durationMs: 208413,
        genre: null,
        id: '9OoaxvYVQsfoGK0xLUdPIE',
        source: 'spotify',
        thumbnailUrl:
          'https://i.scdn.co/image/ab67616d0000b27347eb21b28a3d7f340b0c8630',
        title: 'Paper Lanterns',
        url: 'https://open.spotify.com/track/9OoaxvYVQsfoGK0xLUdPIE',
      });
      expect(fake.apiRequests).toEqual([
        expect.objectContaining({
          path: '/v1/search',
          query: {
            limit: '10',
            market: 'US',
            offset: '0',
            q: 'genre:pop',
            type: 'track',
          },
        }),
      ]);
    });

    it('should ask for fewer tracks when fewer are wanted', async () => {
      await expect(catalog.search('pop', 3)).resolves.toHaveLength(3);
      expect(fake.apiRequests[0].query.limit).toBe('3');
    });

    it('should return no tracks for a query without hits', async () => {
      await expect(catalog.search(EMPTY_SEARCH_QUERY, 10)).resolves.toEqual([]);
    });
  });

  describe('random', () => {
    it('should search a genre page chosen by the seed', async () => {
      const first = await catalog.random(10, 12);
      await catalog.random(10, 12);

      expect(first).toHaveLength(10);
      expect(fake.apiRequests[0].query).toEqual(fake.apiRequests[1].query);
      expect(fake.apiRequests[0].query.q).toMatch(/^genre:[a-z-]+$/);
      expect(Number(fake.apiRequests[0].query.offset)).toBeLessThan(1000);
    });
  });

  describe('findById', () => {
    it('should map the single-track lookup', async () => {
      const track = await catalog.findById(SPOTIFY_IDS.known);

      expect(track).toMatchObject({
        album: 'Harbour Light',
        artists: ['Ines Marlowe'],
        id: SPOTIFY_IDS.known,
        source: 'spotify',
        title: 'Low Tide Letters',
        url: `https://open.spotify.com/track/${SPOTIFY_IDS.known}`,
      });
      expect(fake.apiRequests[0].path).toBe(`/v1/tracks/${SPOTIFY_IDS.known}`);
    });

    it('should return null for a well-formed unknown id (404)', async () => {
      await expect(catalog.findById(SPOTIFY_IDS.unknown)).resolves.toBeNull();
    });

    it('should return null for a malformed id without asking Spotify', async () => {
      await expect(catalog.findById('not-a-valid-id')).resolves.toBeNull();
      expect(fake.apiRequests).toEqual([]);
    });
  });

  describe('access token', () => {
    it('should reuse one client-credentials token across requests', async () => {
      await catalog.search('pop', 10);
      await catalog.findById(SPOTIFY_IDS.known);
      await Promise.all([catalog.search('rock', 10), catalog.random(10, 1)]);

      const issued = readSpotifyFixture<{ access_token: string }>('token.json');
      expect(fake.tokenRequests).toBe(1);
      expect(tokens.tokenRequests).toBe(1);
      expect(
        fake.apiRequests.every(({ authorization }) =>
          authorization?.startsWith(`Bearer ${issued.access_token}`),
        ),
      ).toBe(true);
    });

    it('should renew the token once on a 401 and then succeed', async () => {
      await catalog.search('pop', 10);
      fake.failNext(401);

      await expect(catalog.search('pop', 10)).resolves.toHaveLength(10);
      expect(fake.tokenRequests).toBe(2);
      expect(fake.apiRequests).toHaveLength(3);
      expect(fake.apiRequests[2].authorization).not.toBe(
        fake.apiRequests[1].authorization,
      );
    });

    it('should renew a token the API no longer accepts', async () => {
      await catalog.search('pop', 10);
      fake.expireTokens();

      await expect(catalog.findById(SPOTIFY_IDS.known)).resolves.not.toBeNull();
      expect(fake.tokenRequests).toBe(2);
    });

    it('should give up after a second 401', async () => {
      fake.failNext(401, { times: 2 });

      await expect(catalog.search('pop', 10)).rejects.toBeInstanceOf(
        SpotifyUnavailableError,
      );
      expect(fake.apiRequests).toHaveLength(2);
      expect(fake.tokenRequests).toBe(2);
    });

    it('should be unavailable with wrong client credentials', async () => {
      const wrong = fake.settings({ clientSecret: 'wrong' });
      const badCatalog = new SpotifyMusicCatalog(
        new SpotifyApiClient(wrong, new SpotifyTokenProvider(wrong)),
        'US',
      );

      await expect(badCatalog.search('pop', 10)).rejects.toMatchObject({
        name: SpotifyUnavailableError.name,
        status: 400,
      });
      expect(fake.apiRequests).toEqual([]);
    });
  });

  describe('failures', () => {
    it('should wait out a 429 with Retry-After: 1 and then succeed', async () => {
      fake.failNext(429, { retryAfterSeconds: 1 });
      const startedAt = Date.now();

      await expect(catalog.search('pop', 10)).resolves.toHaveLength(10);
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(950);
      expect(fake.apiRequests).toHaveLength(2);
      expect(client.backingOff).toBe(false);
    });

    it('should give up at once on a 429 with Retry-After: 86400 and back off', async () => {
      fake.failNext(429, { quota: true, retryAfterSeconds: 86_400 });
      const startedAt = Date.now();

      await expect(catalog.search('pop', 10)).rejects.toMatchObject({
        retryAfterSeconds: 86_400,
        status: 429,
      });
      expect(Date.now() - startedAt).toBeLessThan(500);
      expect(client.backingOff).toBe(true);

      await expect(catalog.findById(SPOTIFY_IDS.known)).rejects.toBeInstanceOf(
        SpotifyUnavailableError,
      );
      expect(fake.apiRequests).toHaveLength(1);
    });

    it('should back off after a second short 429 in a row', async () => {
      fake.failNext(429, { retryAfterSeconds: 0, times: 2 });

      await expect(catalog.search('pop', 10)).rejects.toBeInstanceOf(
        SpotifyUnavailableError,
      );
      expect(fake.apiRequests).toHaveLength(2);
    });

    it.each([[403], [500], [502], [503]] as const)(
      'should be unavailable on a %i',
      async (status) => {
        fake.failNext(status);

        await expect(catalog.search('pop', 10)).rejects.toMatchObject({
          name: SpotifyUnavailableError.name,
          status,
        });
        expect(fake.apiRequests).toHaveLength(1);
        expect(client.backingOff).toBe(false);
      },
    );

    it('should be unavailable when Spotify does not answer in time', async () => {
      const slow = fake.settings({ timeoutMs: 100 });
      const slowCatalog = new SpotifyMusicCatalog(
        new SpotifyApiClient(slow, new SpotifyTokenProvider(slow)),
        'US',
      );
      fake.latencyMs = 500;

      await expect(slowCatalog.search('pop', 10)).rejects.toBeInstanceOf(
        SpotifyUnavailableError,
      );
    });

    it('should be unavailable when nothing listens', async () => {
      const closed = fake.settings({
        accountsUrl: 'http://127.0.0.1:9',
        apiUrl: 'http://127.0.0.1:9/v1',
      });
      const offline = new SpotifyMusicCatalog(
        new SpotifyApiClient(closed, new SpotifyTokenProvider(closed)),
        'US',
      );

      await expect(offline.search('pop', 10)).rejects.toBeInstanceOf(
        SpotifyUnavailableError,
      );
    });
  });
});
