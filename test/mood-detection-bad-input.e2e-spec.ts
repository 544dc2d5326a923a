import { randomBytes } from 'node:crypto';

import { readFace } from './support/fixtures';
import { blackPng } from './support/images';
import {
  signUp,
  SignedInUser,
  startTestApp,
  TestContext,
} from './support/test-app';
import { expectError } from './support/envelope';

describe('mood detection with bad input (e2e)', () => {
  let context: TestContext;
  let user: SignedInUser;

  beforeAll(async () => {
    context = await startTestApp();
    user = await signUp(context, 'bad');
  });

  afterAll(async () => {
    await context.close();
  });

  const upload = (bytes: Buffer, filename: string) =>
    context.http
      .post('/api/v1/mood-detection')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .attach('image', bytes, {
        contentType: 'application/octet-stream',
        filename,
      });

  it('should answer 415 for a text file named .jpg', async () => {
    const response = await upload(
      Buffer.from('definitely not a photo\n'.repeat(50)),
      'selfie.jpg',
    ).expect(415);

    expectError(response.body);
  });

  it('should answer 415 for a truncated JPEG', async () => {
    const photo = readFace('photos/happy_0001.jpg');
    const response = await upload(
      photo.subarray(0, Math.floor(photo.length / 3)),
      'selfie.jpg',
    ).expect(415);

    expectError(response.body);
  });

  it('should answer 413 for a 20000×20000 PNG without decoding it', async () => {
    const response = await upload(blackPng(20_000, 20_000), 'huge.png').expect(
      413,
    );

    expectError(response.body);
  });

  it('should answer 413 for a 12 MB upload, naming the limit', async () => {
    const response = await upload(
      randomBytes(12 * 1024 * 1024),
      'big.jpg',
    ).expect(413);

    expectError(response.body);
    expect(response.body.message).toBe(
      'The image is larger than the 10 MB limit',
    );
  });

  it('should answer 400 for an empty file, saying it is empty', async () => {
    const response = await upload(Buffer.alloc(0), 'empty.jpg').expect(400);

    expectError(response.body);
    expect(response.body.message).toBe('The image file is empty');
  });

  it('should answer 400 for a second file next to the image', async () => {
    const photo = readFace('photos/happy_0001.jpg');
    const response = await context.http
      .post('/api/v1/mood-detection')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .attach('image', photo, 'selfie.jpg')
      .attach('other', photo, 'other.jpg')
      .expect(400);

    expectError(response.body);
    expect(response.body.message).toBe(
      'Send exactly one file, in the multipart field "image"',
    );
  });

  it('should answer 422 for a photo without a face', async () => {
    const response = await upload(
      readFace('noface/noface_0003.jpg'),
      'coffee.jpg',
    ).expect(422);

    expectError(response.body);
  });

  it('should answer 400 when the image field is missing', async () => {
    const response = await context.http
      .post('/api/v1/mood-detection')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .field('user_id', '42')
      .expect(400);

    expectError(response.body);
    expect(response.body.message).toMatch(/image/);
  });

  it('should answer 400 for a file under another field name', async () => {
    const response = await context.http
      .post('/api/v1/mood-detection')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .attach('photo', readFace('photos/happy_0001.jpg'), 'selfie.jpg')
      .expect(400);

    expectError(response.body);
    expect(response.body.message).toMatch(/"image"/);
  });

  it('should answer 401 without a token', async () => {
    const response = await context.http
      .post('/api/v1/mood-detection')
      .attach('image', readFace('photos/happy_0001.jpg'), 'selfie.jpg')
      .expect(401);

    expectError(response.body);
  });

  it.each([
    ['Bearer'],
    ['Bearer '],
    ['Basic dXNlcjpwYXNz'],
    ['Bearer not.a.jwt'],
    ['Bearer a.b'],
    ['Bearer ..'],
    [`Bearer ${'x'.repeat(5000)}`],
  ])('should answer 401 for the Authorization header %j', async (header) => {
    const response = await context.http
      .post('/api/v1/mood-detection')
      .set('Authorization', header)
      .attach('image', readFace('photos/happy_0001.jpg'), 'selfie.jpg')
      .expect(401);

    expectError(response.body);
  });

  it('should have written nothing to history after all of the above', async () => {
    const history = await context.http
      .get('/api/v1/history')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .expect(200);

    expect(history.body.data).toEqual([]);
    // The service is still up and answering.
    await context.http
      .get('/api/v1/user')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .expect(200);
  });
});
