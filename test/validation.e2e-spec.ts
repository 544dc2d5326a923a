import {
  signUp,
  SignedInUser,
  startTestApp,
  TestContext,
} from './support/test-app';

describe('request validation (e2e)', () => {
  let context: TestContext;
  let user: SignedInUser;

  beforeAll(async () => {
    context = await startTestApp();
    user = await signUp(context, 'valid');
  });

  afterAll(async () => {
    await context.close();
  });

  const expectBadRequest = (
    response: { body: unknown; status: number },
    message: RegExp,
  ) => {
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      data: null,
      message: expect.stringMatching(message),
      shouldNotify: true,
      success: false,
    });
  };

  it.each([
    ['/api/v1/login', {}, /^password is required; username is required$/],
    [
      '/api/v1/register',
      {},
      /email is required.*name is required.*password is required.*username is required/,
    ],
    ['/api/v1/send-otp', { email: ['a@b.c'] }, /^email must be a string$/],
    ['/api/v1/refresh', {}, /^refresh_token is required$/],
  ])(
    'should say which fields are missing on POST %s',
    async (path, body, message) => {
      expectBadRequest(await context.http.post(path).send(body), message);
    },
  );

  it('should say which fields are missing on change-password', async () => {
    const response = await context.http
      .put('/api/v1/user/change-password')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .send({});

    expectBadRequest(
      response,
      /^new_password is required; previous_password is required$/,
    );
  });

  it.each([
    ['', /^search is required$/],
    ['?search=', /^search must not be empty$/],
    ['?search=a&search=b', /^search must be a string$/],
    ['?search=a%00b', /NUL/],
  ])('should answer 400 for the search query %j', async (query, message) => {
    const response = await context.http
      .get(`/api/v1/spotify/search${query}`)
      .set('Authorization', `Bearer ${user.accessToken}`);

    expectBadRequest(response, message);
  });

  it('should refuse text with a NUL character instead of failing in the database', async () => {
    const response = await context.http.post('/api/v1/register').send({
      email: 'nul@example.test',
      name: 'N\u0000ull',
      password: 'long-enough-pass',
      username: 'nul_user',
    });

    expectBadRequest(response, /name must not contain NUL characters/);
  });

  it('should treat null profile fields as left out', async () => {
    const response = await context.http
      .put('/api/v1/user')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .send({ name: null, username: null })
      .expect(200);

    expect(response.body.data.username).toBe(user.username);
  });

  it('should answer malformed JSON with a plain message', async () => {
    const response = await context.http
      .post('/api/v1/login')
      .set('Content-Type', 'application/json')
      .send('{"username": "x", ');

    expectBadRequest(response, /^The request body is not valid JSON$/);
  });

  it('should accept the Bearer scheme in any case', async () => {
    await context.http
      .get('/api/v1/user')
      .set('Authorization', `bearer ${user.accessToken}`)
      .expect(200);
  });

  it('should let pages of other origins show the placeholder images', async () => {
    const response = await context.http.get('/assets/cover.png').expect(200);

    expect(response.headers['cross-origin-resource-policy']).toBe(
      'cross-origin',
    );
  });
});
