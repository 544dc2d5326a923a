import { readFace } from './support/fixtures';
import {
  EMPTY_SEARCH_QUERY,
  FakeSpotify,
  SPOTIFY_IDS,
} from './support/fake-spotify';
import {
  signUp,
  SignedInUser,
  startTestApp,
  TestContext,
} from './support/test-app';
import { expectError } from './support/envelope';

const CSNY_TRACK_ID = '0gCJkpD0RhF2rjiALLHBQL';
const DECOMPOSED_TITLE_ID = '3RuDv1zMc0DJ4t8J1XRDPk';
const CONTRACT_FIELDS = [
  'id',
  'playlist_name',
  'artist',
  'path',
  'thumbnail',
] as const;
const ABSOLUTE_URL = /^https?:\/\/[^/\s]+/;

/** The app's track shape: five non-null strings, absolute path and thumbnail, no null anywhere. */
function expectTracks(
  music: Array<Record<string, unknown>>,
  source?: 'catalog' | 'spotify',
): void {
  expect(Array.isArray(music)).toBe(true);
  for (const track of music) {
    for (const field of CONTRACT_FIELDS) {
      expect(typeof track[field]).toBe('string');
    }

    expect(track.id).toMatch(/^[0-9A-Za-z]{22}$/);
    expect(track.path).toMatch(ABSOLUTE_URL);
    expect(track.thumbnail).toMatch(ABSOLUTE_URL);
    expect(Object.values(track)).not.toContain(null);
    if (source) {
      expect(track.source).toBe(source);
    }
  }
}

describe('music browsing from the local catalogue (e2e)', () => {
  let context: TestContext;
  let user: SignedInUser;

  beforeAll(async () => {
    context = await startTestApp();
    user = await signUp(context, 'music');
  });

  afterAll(async () => {
    await context.close();
  });

  const get = (path: string) =>
    context.http
      .get(`/api/v1/spotify/${path}`)
      .set('Authorization', `Bearer ${user.accessToken}`)
      .set('Content-Type', 'application/json');

  it('should answer a random playlist of ten catalogue tracks in the wire shape', async () => {
    const response = await get('random-playlist?refresh=true&user_id=7').expect(
      200,
    );

    expect(response.body).toMatchObject({ shouldNotify: false, success: true });
    expect(response.body.data.source).toBe('catalog');
    expect(response.body.data.music).toHaveLength(10);
    expectTracks(response.body.data.music, 'catalog');
    // Catalogue rows have no cover: the service's placeholder stands in.
    expect(response.body.data.music[0].thumbnail).toBe(
      'http://127.0.0.1:5555/assets/cover.png',
    );
  });

  it('should search title, artist, album and genre ignoring accents and case', async () => {
    const accents = await get(
      `search?search=${encodeURIComponent('NÃO DEI')}`,
    ).expect(200);
    const everywhere = await get(
      'search?search=crosby%20deja%20vu%20psych',
    ).expect(200);

    expectTracks(accents.body.data.music, 'catalog');
    expect(
      accents.body.data.music.map(({ id }: { id: string }) => id),
    ).toContain(DECOMPOSED_TITLE_ID);
    expect(
      everywhere.body.data.music.map(({ id }: { id: string }) => id),
    ).toEqual([CSNY_TRACK_ID]);
  });

  it('should answer an empty list for a search without hits', async () => {
    const response = await get('search?search=qqqqxqqqq').expect(200);

    expect(response.body.data).toEqual({ music: [], source: 'catalog' });
  });

  it('should find one catalogue track by id', async () => {
    const response = await get(CSNY_TRACK_ID).expect(200);

    expect(response.body.data.music).toHaveLength(1);
    expect(response.body.data.music[0]).toMatchObject({
      artist: 'Crosby, Stills, Nash & Young',
      id: CSNY_TRACK_ID,
      path: `https://open.spotify.com/track/${CSNY_TRACK_ID}`,
      playlist_name: 'Almost Cut My Hair',
    });
    expectTracks(response.body.data.music, 'catalog');
  });

  it.each([
    ['search'],
    ['search?search='],
    ['search?search=%20%20'],
    [`search?search=${'x'.repeat(101)}`],
  ])('should answer 400 for %s', async (path) => {
    const response = await get(path).expect(400);

    expectError(response.body);
    expect(response.body.message).toMatch(/search/);
  });

  it.each([['abc'], ['0gCJkpD0RhF2rjiALLHBQL0'], ['0gCJkpD0RhF2rjiALLH_QL']])(
    'should answer 400 for the id %s',
    async (id) => {
      const response = await get(id).expect(400);

      expectError(response.body);
      expect(response.body.message).toMatch(/id/);
    },
  );

  it('should answer 404 for a well-formed unknown id', async () => {
    const response = await get(SPOTIFY_IDS.unknown).expect(404);

    expectError(response.body);
  });

  it('should answer 401 without a token', async () => {
    const response = await context.http
      .get('/api/v1/spotify/random-playlist')
      .expect(401);

    expectError(response.body);
  });
});

describe('music browsing from Spotify (e2e)', () => {
  const fake = new FakeSpotify();
  let context: TestContext;
  let user: SignedInUser;
  let saved: Record<string, string | undefined>;

  beforeAll(async () => {
    await fake.start();
    const env = fake.env();
    saved = Object.fromEntries(
      Object.keys(env).map((key) => [key, process.env[key]]),
    );
    Object.assign(process.env, env);
    context = await startTestApp();
    user = await signUp(context, 'spotify');
  });

  afterAll(async () => {
    await context.close();
    await fake.stop();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) {
        delete process.env[key];
      } else {
        process.env[key] = value;
      }
    }
  });

  beforeEach(() => {
    fake.reset();
  });

  const get = (path: string) =>
    context.http
      .get(`/api/v1/spotify/${path}`)
      .set('Authorization', `Bearer ${user.accessToken}`);

  it('should answer random playlist, search and lookup from Spotify', async () => {
    const random = await get('random-playlist').expect(200);
    const search = await get('search?search=paper%20lanterns').expect(200);
    const track = await get(SPOTIFY_IDS.known).expect(200);

    expect(random.body.data.source).toBe('spotify');
    expect(random.body.data.music).toHaveLength(10);
    expectTracks(random.body.data.music, 'spotify');
    expect(search.body.data.source).toBe('spotify');
    expectTracks(search.body.data.music, 'spotify');
    expect(track.body.data.music).toEqual([
      expect.objectContaining({
        artist: 'Ines Marlowe',
        id: SPOTIFY_IDS.known,
        path: `https://open.spotify.com/track/${SPOTIFY_IDS.known}`,
        playlist_name: 'Low Tide Letters',
        thumbnail:
          'https://i.scdn.co/image/ab67616d0000b273bf12ad31051a50ecfabf3951',
      }),
    ]);
    expect(
      fake.apiRequests.every(
        ({ query }) => !query.limit || Number(query.limit) <= 10,
      ),
    ).toBe(true);
  });

  it('should reuse one access token across requests', async () => {
    await get('random-playlist').expect(200);
    await get(SPOTIFY_IDS.known).expect(200);
    await get('search?search=token%20reuse').expect(200);

    expect(fake.apiRequests).toHaveLength(3);
    expect(fake.tokenRequests).toBe(0);
  });

  it('should renew the token on a 401 and answer from Spotify', async () => {
    fake.failNext(401);

    const response = await get('random-playlist').expect(200);

    expect(response.body.data.source).toBe('spotify');
    expect(fake.tokenRequests).toBe(1);
  });

  it('should serve a repeated search from the cache', async () => {
    const first = await get('search?search=Cached%20Once').expect(200);
    const second = await get('search?search=cached%20once').expect(200);

    expect(second.body.data).toEqual(first.body.data);
    expect(fake.apiRequests).toHaveLength(1);
  });

  it('should answer an empty Spotify search as an empty list', async () => {
    const response = await get(`search?search=${EMPTY_SEARCH_QUERY}`).expect(
      200,
    );

    expect(response.body.data).toEqual({ music: [], source: 'spotify' });
  });

  it('should answer 404 for an id Spotify does not know', async () => {
    const response = await get(SPOTIFY_IDS.unknown).expect(404);

    expectError(response.body);
  });

  it('should answer 400 for a malformed id without asking Spotify', async () => {
    const response = await get('not-a-valid-id').expect(400);

    expectError(response.body);
    expect(fake.apiRequests).toEqual([]);
  });

  it('should wait out a 429 with Retry-After: 1 and answer from Spotify', async () => {
    fake.failNext(429, { retryAfterSeconds: 1 });
    const startedAt = Date.now();

    const response = await get('random-playlist').expect(200);

    expect(response.body.data.source).toBe('spotify');
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(950);
    expect(fake.apiRequests).toHaveLength(2);
  });

  it.each([[500], [502], [503], [403]] as const)(
    'should fall back to the catalogue on a %i',
    async (status) => {
      fake.failNext(status);

      const response = await get(
        `search?search=crosby%20deja%20vu%20${status}`,
      ).expect(200);
      const lookup = await get(CSNY_TRACK_ID).expect(404);

      expect(response.body.data.source).toBe('catalog');
      // The next call reaches Spotify again: no back-off after a 5xx or 403.
      expectError(lookup.body);
    },
  );

  it('should add Spotify results for a mood genre to a detection', async () => {
    const response = await context.http
      .post('/api/v1/mood-detection')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .attach('image', readFace('photos/happy_0001.jpg'), {
        contentType: 'application/octet-stream',
        filename: 'selfie.jpg',
      })
      .expect(200);

    expect(response.body.data.music).toHaveLength(10);
    expectTracks(response.body.data.music);
    expect(fake.apiRequests).toEqual([
      expect.objectContaining({
        path: '/v1/search',
        query: expect.objectContaining({ q: expect.stringMatching(/^genre:/) }),
      }),
    ]);
  });

  it('should still recommend when Spotify fails during a detection', async () => {
    fake.failNext(503);

    const response = await context.http
      .post('/api/v1/mood-detection')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .attach('image', readFace('photos/happy_0001.jpg'), {
        contentType: 'application/octet-stream',
        filename: 'selfie.jpg',
      })
      .expect(200);

    // The catalogue ranks alone (or with a cached Spotify page): never a failure.
    expect(response.body.data.music).toHaveLength(10);
    expectTracks(response.body.data.music);
  });

  it('should fall back to the catalogue at once on a 429 with Retry-After: 86400, then leave Spotify alone', async () => {
    fake.failNext(429, { quota: true, retryAfterSeconds: 86_400 });
    const startedAt = Date.now();

    const random = await get('random-playlist').expect(200);
    const elapsed = Date.now() - startedAt;
    const search = await get('search?search=crosby%20deja%20vu').expect(200);
    const track = await get(CSNY_TRACK_ID).expect(200);

    expect(elapsed).toBeLessThan(1000);
    expect(random.body.data.source).toBe('catalog');
    expect(random.body.data.music).toHaveLength(10);
    expectTracks(random.body.data.music, 'catalog');
    expect(search.body.data).toMatchObject({
      music: [expect.objectContaining({ id: CSNY_TRACK_ID })],
      source: 'catalog',
    });
    expect(track.body.data.source).toBe('catalog');
    expect(fake.apiRequests).toHaveLength(1);
  });
});
