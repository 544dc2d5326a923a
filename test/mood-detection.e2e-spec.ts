import { MOODS } from '@vexora/shared';

import { readFace } from './support/fixtures';
import { expectError } from './support/envelope';
import {
  signUp,
  SignedInUser,
  startTestApp,
  TestContext,
  uniqueUser,
} from './support/test-app';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function decodeJwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(
    Buffer.from(token.split('.')[1], 'base64url').toString('utf8'),
  );
}

function expectAbsoluteUrl(value: unknown): void {
  expect(typeof value).toBe('string');
  expect(new URL(value as string).protocol).toMatch(/^https?:$/);
}

function expectTrackShape(track: Record<string, unknown>): void {
  for (const field of ['id', 'playlist_name', 'artist', 'path', 'thumbnail']) {
    expect(typeof track[field]).toBe('string');
    expect((track[field] as string).length).toBeGreaterThan(0);
  }

  expectAbsoluteUrl(track.path);
  expectAbsoluteUrl(track.thumbnail);
}

describe('selfie to history (e2e)', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await startTestApp();
  });

  afterAll(async () => {
    await context.close();
  });

  describe('account path', () => {
    it('should register, verify by the mailed code and sign in with a JWT the app can read', async () => {
      const user = uniqueUser('walk');

      const registered = await context.http
        .post('/api/v1/register')
        .set('Content-Type', 'application/json')
        .send({ ...user, user_id: 'ignored extra' })
        .expect(200);
      expect(registered.body).toEqual({
        data: {
          created_at: expect.stringMatching(ISO_UTC),
          email: user.email,
          file_id: '',
          name: user.name,
          profile_picture: expect.any(String),
          username: user.username,
          uuid: expect.stringMatching(UUID),
          verified: false,
        },
        message: expect.any(String),
        shouldNotify: true,
        success: true,
      });
      expectAbsoluteUrl(registered.body.data.profile_picture);

      const unverified = await context.http
        .post('/api/v1/login')
        .send({ password: user.password, username: user.username })
        .expect(403);
      expect(unverified.body).toMatchObject({ data: null, success: false });

      const since = context.mail.messages.length;
      const sent = await context.http
        .post('/api/v1/send-otp')
        .send({ email: user.email })
        .expect(200);
      expect(sent.body).toMatchObject({ data: null, success: true });
      const otp = await context.mail.nextCodeFor(user.email, since);
      expect(otp).toMatch(/^\d{6}$/);

      await context.http
        .post('/api/v1/verify-email')
        .send({ email: user.email, otp })
        .expect(200);
      const reused = await context.http
        .post('/api/v1/verify-email')
        .send({ email: user.email, otp })
        .expect(400);
      expect(reused.body).toMatchObject({
        data: null,
        success: false,
        message: expect.any(String),
      });

      const login = await context.http
        .post('/api/v1/login')
        .send({ password: user.password, username: user.username })
        .expect(200);
      expect(login.body).toMatchObject({
        data: {
          access_token: expect.any(String),
          refresh_token: expect.any(String),
        },
        success: true,
      });
      const claims = decodeJwtPayload(login.body.data.access_token);
      expect(claims).toMatchObject({
        username: user.username,
        uuid: registered.body.data.uuid,
      });
      expect((claims.exp as number) - (claims.iat as number)).toBe(60 * 60);

      const profile = await context.http
        .get('/api/v1/user?refresh=true')
        .set('Authorization', `Bearer ${login.body.data.access_token}`)
        .set('Content-Type', 'application/json')
        .expect(200);
      expect(profile.body.data).toEqual({
        ...registered.body.data,
        verified: true,
      });
      expect(JSON.stringify(profile.body)).not.toMatch(/argon2|password/i);
    });

    it('should not accept a code mailed to one account for another', async () => {
      const first = uniqueUser('codea');
      const second = uniqueUser('codeb');
      await context.http.post('/api/v1/register').send(first).expect(200);
      await context.http.post('/api/v1/register').send(second).expect(200);

      const since = context.mail.messages.length;
      await context.http
        .post('/api/v1/send-otp')
        .send({ email: first.email })
        .expect(200);
      const otp = await context.mail.nextCodeFor(first.email, since);

      await context.http
        .post('/api/v1/verify-email')
        .send({ email: second.email, otp })
        .expect(400);
    });
  });

  describe('mood detection and history', () => {
    let user: SignedInUser;

    beforeAll(async () => {
      user = await signUp(context, 'mood');
    });

    const detect = (file: string, name = file.split('/').pop()!) =>
      context.http
        .post('/api/v1/mood-detection')
        .set('Authorization', `Bearer ${user.accessToken}`)
        .field('user_id', 'sent by the app, ignored')
        .attach('image', readFace(file), {
          contentType: 'application/octet-stream',
          filename: name,
        });

    it('should walk detection → history → tracks → most frequent mood', async () => {
      const empty = await context.http
        .get('/api/v1/history')
        .set('Authorization', `Bearer ${user.accessToken}`)
        .expect(200);
      expect(empty.body.data).toEqual([]);
      const noMood = await context.http
        .get('/api/v1/history/most-mood')
        .set('Authorization', `Bearer ${user.accessToken}`)
        .expect(200);
      expect(noMood.body.data).toEqual({ mood: null });

      const photos = [
        'photos/happy_0001.jpg',
        'photos/neutral_0001.jpg',
        'photos/happy_0004.jpg',
      ];
      const detections = [];
      for (const photo of photos) {
        const response = await detect(photo).expect(200);
        expect(response.body).toMatchObject({
          message: expect.any(String),
          shouldNotify: false,
          success: true,
        });
        expect(response.headers['server-timing']).toMatch(
          /decode;dur=.*detect;dur=.*classify;dur=/,
        );

        const data = response.body.data;
        expect(MOODS).toContain(data.detected_mood);
        expect(data.created_at).toMatch(ISO_UTC);
        expect(data.history_uuid).toMatch(UUID);
        const scoreSum = MOODS.reduce(
          (sum, mood) => sum + data.scores[mood],
          0,
        );
        expect(scoreSum).toBeCloseTo(1, 5);
        const best = MOODS.reduce((a, b) =>
          data.scores[a] >= data.scores[b] ? a : b,
        );
        expect(data.detected_mood).toBe(best);
        expect(data.face.width).toBeGreaterThan(0);
        expect(data.music).toHaveLength(10);
        data.music.forEach(expectTrackShape);
        detections.push(data);
      }

      // A studio portrait with a broad smile: any working pipeline says happy.
      expect(detections[0].detected_mood).toBe('happy');

      const history = await context.http
        .get('/api/v1/history')
        .set('Authorization', `Bearer ${user.accessToken}`)
        .set('Content-Type', 'application/json')
        .expect(200);
      expect(history.body.success).toBe(true);
      expect(history.body.data).toEqual(
        [...detections].reverse().map((detection) => ({
          created_at: detection.created_at,
          mood: detection.detected_mood,
          user_uuid: user.uuid,
          uuid: detection.history_uuid,
        })),
      );

      const latest = detections[detections.length - 1];
      const tracks = await context.http
        .get(`/api/v1/music/${latest.history_uuid}`)
        .set('Authorization', `Bearer ${user.accessToken}`)
        .expect(200);
      expect(tracks.body.data).toHaveLength(10);
      tracks.body.data.forEach(
        (track: Record<string, unknown>, index: number) => {
          expectTrackShape(track);
          expect(track).toMatchObject({
            artist: latest.music[index].artist,
            created_at: expect.stringMatching(ISO_UTC),
            history_uuid: latest.history_uuid,
            id: latest.music[index].id,
            path: latest.music[index].path,
            playlist_name: latest.music[index].playlist_name,
            thumbnail: latest.music[index].thumbnail,
            uuid: expect.stringMatching(UUID),
          });
        },
      );

      const counts = new Map<string, number>();
      detections.forEach((d) =>
        counts.set(d.detected_mood, (counts.get(d.detected_mood) ?? 0) + 1),
      );
      const topCount = Math.max(...counts.values());
      const mostMood = await context.http
        .get('/api/v1/history/most-mood')
        .set('Authorization', `Bearer ${user.accessToken}`)
        .expect(200);
      expect(counts.get(mostMood.body.data.mood)).toBe(topCount);
    });

    it("should hand out none of the last five detections' tracks in the sixth", async () => {
      const listener = await signUp(context, 'norepeat');
      const ids: string[][] = [];
      for (let index = 0; index < 6; index += 1) {
        const response = await context.http
          .post('/api/v1/mood-detection')
          .set('Authorization', `Bearer ${listener.accessToken}`)
          .attach('image', readFace('photos/happy_0004.jpg'), 'selfie.jpg')
          .expect(200);
        ids.push(
          response.body.data.music.map((track: { id: string }) => track.id),
        );
      }

      const earlier = new Set(ids.slice(0, 5).flat());
      expect(ids[5]).toHaveLength(10);
      expect(ids[5].filter((id) => earlier.has(id))).toEqual([]);
    });

    it('should page through the history with limit and before', async () => {
      const reader = await signUp(context, 'pages');
      const list = (query: string) =>
        context.http
          .get(`/api/v1/history${query}`)
          .set('Authorization', `Bearer ${reader.accessToken}`);
      for (let index = 0; index < 5; index += 1) {
        await context.http
          .post('/api/v1/mood-detection')
          .set('Authorization', `Bearer ${reader.accessToken}`)
          .attach('image', readFace('photos/happy_0004.jpg'), 'selfie.jpg')
          .expect(200);
      }
      const uuids = (response: { body: { data: Array<{ uuid: string }> } }) =>
        response.body.data.map((entry) => entry.uuid);

      const all = uuids(await list('?refresh=true').expect(200));
      const first = uuids(await list('?limit=2').expect(200));
      const second = uuids(
        await list(`?limit=2&before=${first[1].toUpperCase()}`).expect(200),
      );
      const rest = uuids(await list(`?before=${second[1]}`).expect(200));
      const none = uuids(await list(`?limit=2&before=${all[4]}`).expect(200));

      expect(all).toHaveLength(5);
      expect([...first, ...second, ...rest]).toEqual(all);
      expect(none).toEqual([]);
    });

    it.each([
      ['?limit=0', 400, /^limit must be a whole number from 1 to 100$/],
      ['?limit=101', 400, /^limit must be a whole number from 1 to 100$/],
      ['?limit=two', 400, /^limit must be a whole number from 1 to 100$/],
      ['?limit=1e1', 400, /^limit must be a whole number from 1 to 100$/],
      ['?limit=0x10', 400, /^limit must be a whole number from 1 to 100$/],
      ['?limit=%202', 400, /^limit must be a whole number from 1 to 100$/],
      ['?before=42', 400, /^before must be a history entry uuid$/],
      [
        `?before=${'1'.repeat(8)}-1111-4111-8111-${'1'.repeat(12)}`,
        404,
        /^before is not one of your history entries$/,
      ],
    ])('should answer %s with %i', async (query, status, message) => {
      const response = await context.http
        .get(`/api/v1/history${query}`)
        .set('Authorization', `Bearer ${user.accessToken}`)
        .expect(status);

      expectError(response.body);
      expect(response.body.message).toMatch(message);
    });

    it('should judge the image type by its bytes, not its name', async () => {
      // A GIF stored under a .png name, uploaded as application/octet-stream.
      const response = await detect(
        'photos/happy_0003.png',
        'selfie.heic',
      ).expect(200);

      expect(MOODS).toContain(response.body.data.detected_mood);
    });

    it('should serve the placeholder cover every catalogue track links to', async () => {
      const response = await detect('photos/happy_0005.jpg').expect(200);
      const placeholder = response.body.data.music.find(
        (track: { thumbnail: string }) =>
          track.thumbnail.endsWith('/assets/cover.png'),
      );
      expect(placeholder).toBeDefined();

      const image = await context.http
        .get(new URL(placeholder.thumbnail).pathname)
        .expect(200);
      expect(image.headers['content-type']).toBe('image/png');
    });

    it("should answer 404 for another user's history entry", async () => {
      const own = await detect('photos/neutral_0004.jpg').expect(200);
      const stranger = await signUp(context, 'nosy');

      const response = await context.http
        .get(`/api/v1/music/${own.body.data.history_uuid}`)
        .set('Authorization', `Bearer ${stranger.accessToken}`)
        .expect(404);
      expect(response.body).toEqual({
        data: null,
        message: expect.any(String),
        shouldNotify: true,
        success: false,
      });
    });

    it('should answer 400 for a history id that is not a UUID', async () => {
      await context.http
        .get('/api/v1/music/not-a-uuid')
        .set('Authorization', `Bearer ${user.accessToken}`)
        .expect(400);
    });
  });

  it('should serve Swagger UI and the OpenAPI document', async () => {
    await context.http.get('/docs').expect(200);
    const document = await context.http.get('/docs-json').expect(200);

    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/mood-detection',
        '/api/v1/history',
        '/api/v1/register',
      ]),
    );
  });
});
