import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import sharp from 'sharp';

import { FakeImageKit } from './support/fake-imagekit';
import { readFace } from './support/fixtures';
import {
  signUp,
  SignedInUser,
  startTestApp,
  TestContext,
} from './support/test-app';
import { expectError } from './support/envelope';

const PICTURE_ROUTE = '/api/v1/user/profile-picture';
const IMAGEKIT_VARIABLES = [
  'IMAGEKIT_BASE_URL',
  'IMAGEKIT_PRIVATE_KEY',
  'IMAGEKIT_PUBLIC_KEY',
  'IMAGEKIT_URL_ENDPOINT',
];

/** Sets variables for one describe block and puts the previous values back. */
function withEnvironment(values: () => Record<string, string>) {
  const saved: Record<string, string | undefined> = {};

  return {
    apply() {
      for (const [key, value] of Object.entries(values())) {
        saved[key] = process.env[key];
        process.env[key] = value;
      }
    },
    restore() {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) {
          delete process.env[key];
        } else {
          process.env[key] = value;
        }
      }
    },
  };
}

function helpers(context: () => TestContext, user: () => SignedInUser) {
  return {
    profile: async () => {
      const response = await context()
        .http.get('/api/v1/user')
        .set('Authorization', `Bearer ${user().accessToken}`)
        .expect(200);

      return response.body.data as { file_id: string; profile_picture: string };
    },
    upload: (bytes: Buffer, filename: string) =>
      context()
        .http.put(PICTURE_ROUTE)
        .set('Authorization', `Bearer ${user().accessToken}`)
        .field('user_id', '42')
        .attach('image', bytes, {
          contentType: 'application/octet-stream',
          filename,
        }),
  };
}

describe('profile picture on local disk (e2e)', () => {
  let context: TestContext;
  let user: SignedInUser;
  let dataDir: string;
  const environment = withEnvironment(() => ({
    ...Object.fromEntries(IMAGEKIT_VARIABLES.map((key) => [key, ''])),
    DATA_DIR: dataDir,
  }));
  const { profile, upload } = helpers(
    () => context,
    () => user,
  );

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vexora-e2e-pictures-'));
    environment.apply();
    context = await startTestApp();
    user = await signUp(context, 'pic');
  });

  afterAll(async () => {
    await context.close();
    environment.restore();
    await rm(dataDir, { force: true, recursive: true });
  });

  const pathOf = (url: string) => new URL(url).pathname;

  it('should start with the default avatar and no file id', async () => {
    const before = await profile();

    expect(before.profile_picture).toBe(
      `${process.env.PUBLIC_BASE_URL}/assets/avatar.png`,
    );
    expect(before.file_id).toBe('');
  });

  it('should store a JPEG and serve it at the absolute URL in the profile', async () => {
    const response = await upload(
      readFace('photos/angry_0002.jpg'),
      'IMG_2041.JPG',
    ).expect(200);

    expect(response.body).toEqual({
      data: null,
      message: expect.any(String),
      shouldNotify: true,
      success: true,
    });
    const after = await profile();
    expect(after.profile_picture).toMatch(
      new RegExp(
        `^${process.env.PUBLIC_BASE_URL}/media/pictures/[0-9a-f]{32}\\.jpg$`,
      ),
    );
    expect(after.file_id).toBe(after.profile_picture.split('/').pop());
    const image = await context.http
      .get(pathOf(after.profile_picture))
      .expect(200);
    expect(image.headers['content-type']).toMatch(/^image\/jpeg/);
    const metadata = await sharp(image.body as Buffer).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual([
      'jpeg',
      512,
      340,
    ]);
  });

  it('should replace the picture and delete the old file', async () => {
    const old = await profile();

    await upload(readFace('photos/angry_0001.png'), 'avatar.png').expect(200);

    const after = await profile();
    expect(after.file_id).not.toBe(old.file_id);
    await context.http.get(pathOf(after.profile_picture)).expect(200);
    await context.http.get(pathOf(old.profile_picture)).expect(404);
    expect(existsSync(join(dataDir, 'pictures', old.file_id))).toBe(false);
    expect(existsSync(join(dataDir, 'pictures', after.file_id))).toBe(true);
  });

  it('should answer 415 for a text file named .jpg and keep the profile', async () => {
    const before = await profile();

    const response = await upload(
      Buffer.from('definitely not a photo\n'.repeat(50)),
      'selfie.jpg',
    ).expect(415);

    expectError(response.body);
    expect(await profile()).toEqual(before);
  });

  it.each([
    ['a GIF named .png', 'photos/happy_0003.png', (input: Buffer) => input],
    [
      'a WebP',
      'photos/angry_0002.jpg',
      (input: Buffer) => sharp(input).webp().toBuffer(),
    ],
  ])(
    'should accept %s and store it as a JPEG',
    async (_label, face, convert) => {
      const bytes = await convert(readFace(face));

      await upload(bytes, 'avatar.png').expect(200);

      const after = await profile();
      const image = await context.http
        .get(pathOf(after.profile_picture))
        .expect(200);
      expect((await sharp(image.body as Buffer).metadata()).format).toBe(
        'jpeg',
      );
    },
  );

  it('should answer 415 for a TIFF', async () => {
    const before = await profile();
    const tiff = await sharp(readFace('photos/angry_0002.jpg'))
      .tiff()
      .toBuffer();

    const response = await upload(tiff, 'avatar.tif').expect(415);

    expectError(response.body);
    expect(await profile()).toEqual(before);
  });

  it('should answer 413 for a 12 MB upload', async () => {
    const response = await upload(
      randomBytes(12 * 1024 * 1024),
      'big.jpg',
    ).expect(413);

    expectError(response.body);
  });

  it('should answer 400 when the image field is missing', async () => {
    const response = await context.http
      .put(PICTURE_ROUTE)
      .set('Authorization', `Bearer ${user.accessToken}`)
      .field('user_id', '42')
      .expect(400);

    expectError(response.body);
    expect(response.body.message).toMatch(/image/);
  });

  it('should answer 400 for a file under another field name', async () => {
    const response = await context.http
      .put(PICTURE_ROUTE)
      .set('Authorization', `Bearer ${user.accessToken}`)
      .attach('photo', readFace('photos/angry_0002.jpg'), 'avatar.jpg')
      .expect(400);

    expectError(response.body);
  });

  it('should answer 401 without a token', async () => {
    const response = await context.http
      .put(PICTURE_ROUTE)
      .attach('image', readFace('photos/angry_0002.jpg'), 'avatar.jpg')
      .expect(401);

    expectError(response.body);
  });

  it('should document every status of the route in Swagger', async () => {
    const docs = await context.http.get('/docs-json').expect(200);

    const operation = docs.body.paths[PICTURE_ROUTE].put;
    expect(Object.keys(operation.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '404',
      '413',
      '415',
      '429',
      '502',
    ]);
    expect(operation.requestBody.content['multipart/form-data']).toBeDefined();
  });

  it('should answer 404 for a picture name that was never stored', async () => {
    await context.http.get(`/media/pictures/${'0'.repeat(32)}.jpg`).expect(404);
    await context.http
      .get('/media/pictures/..%2F..%2Fpackage.json')
      .expect(404);
  });
});

describe('profile picture on ImageKit (e2e, local fake)', () => {
  const fake = new FakeImageKit();
  const environment = withEnvironment(() => fake.environment());
  let context: TestContext;
  let user: SignedInUser;
  const { profile, upload } = helpers(
    () => context,
    () => user,
  );

  beforeAll(async () => {
    await fake.start();
    environment.apply();
    context = await startTestApp();
    user = await signUp(context, 'ik');
  });

  afterAll(async () => {
    await context.close();
    environment.restore();
    await fake.stop();
  });

  it('should upload to ImageKit and put its URL and file id in the profile', async () => {
    await upload(readFace('photos/angry_0002.jpg'), 'IMG_2041.JPG').expect(200);

    const after = await profile();
    const file = fake.files.get(after.file_id);
    expect(file).toBeDefined();
    expect(after.profile_picture).toBe(`${fake.urlEndpoint}${file!.filePath}`);
    expect(file!.filePath).toMatch(/^\/profile-pictures\//);
    const served = await fetch(after.profile_picture);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(
      (await sharp(Buffer.from(await served.arrayBuffer())).metadata()).format,
    ).toBe('jpeg');
  });

  it('should delete the old picture on ImageKit after a new upload', async () => {
    const old = await profile();

    await upload(readFace('photos/angry_0001.png'), 'avatar.png').expect(200);

    const after = await profile();
    expect(after.file_id).not.toBe(old.file_id);
    expect(fake.deleted).toContain(old.file_id);
    expect(fake.files.has(old.file_id)).toBe(false);
  });

  it('should answer 502 without upstream detail and keep the profile when the upload fails', async () => {
    const before = await profile();
    const deletedBefore = fake.deleted.length;
    fake.failNextUploads(5, 500);

    const response = await upload(
      readFace('photos/angry_0002.jpg'),
      'avatar.jpg',
    ).expect(502);

    fake.failNextUploads(0);
    expectError(response.body);
    expect(response.body.message).not.toMatch(/shard|upstream detail/i);
    expect(await profile()).toEqual(before);
    expect(fake.files.has(before.file_id)).toBe(true);
    expect(fake.deleted).toHaveLength(deletedBefore);
  });
});
