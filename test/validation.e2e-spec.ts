import { AddressInfo, connect } from 'node:net';

import { expectError } from './support/envelope';
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

  it('should name the route parameter that holds a NUL character', async () => {
    const response = await context.http
      .get('/api/v1/music/%00')
      .set('Authorization', `Bearer ${user.accessToken}`);

    expectBadRequest(
      response,
      /^history_uuid must not contain NUL characters$/,
    );
  });

  it.each([['a\u202Eb'], ['bell\u0007'], ['line\nbreak']])(
    'should refuse the control characters in the name %j',
    async (name) => {
      const response = await context.http
        .put('/api/v1/user')
        .set('Authorization', `Bearer ${user.accessToken}`)
        .send({ name });

      expectBadRequest(response, /^name must not contain control characters$/);
    },
  );

  it('should keep letters of every script and emoji in a name', async () => {
    const name = 'Zoë 李 \u{1F469}\u200D\u{1F4BB}';

    const response = await context.http
      .put('/api/v1/user')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .send({ name })
      .expect(200);

    expect(response.body.data.name).toBe(name);
  });

  it.each([
    ['text/plain', '{"name":"Plain"}'],
    ['application/xml', '<name>Xml</name>'],
  ])(
    'should answer 415 for a %s body and change nothing',
    async (type, body) => {
      const before = await context.http
        .get('/api/v1/user')
        .set('Authorization', `Bearer ${user.accessToken}`)
        .expect(200);

      const response = await context.http
        .put('/api/v1/user')
        .set('Authorization', `Bearer ${user.accessToken}`)
        .set('Content-Type', type)
        .send(body)
        .expect(415);

      expectError(response.body);
      expect(response.body.message).toMatch(/JSON/);
      const after = await context.http
        .get('/api/v1/user')
        .set('Authorization', `Bearer ${user.accessToken}`)
        .expect(200);
      expect(after.body.data).toEqual(before.body.data);
    },
  );

  it('should still accept an empty body labelled as JSON on a GET', async () => {
    await context.http
      .get('/api/v1/history?refresh=true')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .set('Content-Type', 'application/json')
      .expect(200);
  });

  it('should document both profile fields as optional', async () => {
    const docs = await context.http.get('/docs-json').expect(200);

    const schema = docs.body.components.schemas.UpdateProfileDto;
    expect(Object.keys(schema.properties).sort()).toEqual(['name', 'username']);
    expect(schema.required ?? []).toEqual([]);
  });

  it.each([
    ['delete', '/api/v1/history', 'GET, HEAD'],
    ['get', '/api/v1/login', 'POST'],
    [
      'post',
      `/api/v1/music/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
      'GET, HEAD',
    ],
    ['patch', '/api/v1/user', 'GET, HEAD, PUT'],
  ] as const)(
    'should answer %s %s with 405 and the methods it takes',
    async (method, path, allow) => {
      const response = await context.http[method](path)
        .set('Authorization', `Bearer ${user.accessToken}`)
        .expect(405);

      expectError(response.body);
      expect(response.headers.allow).toBe(allow);
      expect(response.body.message).toContain(allow);
    },
  );

  it('should still answer 404 for a path no route has', async () => {
    const response = await context.http
      .get('/api/v1/no-such-route')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .expect(404);

    expectError(response.body);
  });

  it.each([['null'], ['5'], ['"text"'], ['[1, 2]']])(
    'should ask for a JSON object when the body is %s',
    async (body) => {
      const response = await context.http
        .post('/api/v1/login')
        .set('Content-Type', 'application/json')
        .send(body);

      expectBadRequest(response, /^The request body must be a JSON object$/);
    },
  );

  it('should answer 415 for a JSON body in another charset than UTF-8', async () => {
    const response = await context.http
      .post('/api/v1/login')
      .set('Content-Type', 'application/json; charset=latin1')
      .send('{"username": "x"}')
      .expect(415);

    expectError(response.body);
    expect(response.body.message).toMatch(/UTF-8/);
  });

  it('should name the limit when a JSON body is too large', async () => {
    const response = await context.http
      .post('/api/v1/login')
      .send({ password: 'x', username: 'a'.repeat(200_000) })
      .expect(413);

    expectError(response.body);
    expect(response.body.message).toMatch(/100 KB/);
  });

  it('should answer 400 for a malformed percent-encoding in a path', async () => {
    const response = await context.http
      .get('/api/v1/spotify/%ZZ')
      .set('Authorization', `Bearer ${user.accessToken}`);

    expectBadRequest(response, /malformed percent-encoding/);
  });

  it('should not echo a long unknown path whole', async () => {
    const response = await context.http
      .get(`/api/v1/${'a'.repeat(5000)}`)
      .expect(404);

    expectError(response.body);
    expect(response.body.message.length).toBeLessThan(200);
  });

  it('should answer a file sent to PUT /user, which takes fields only', async () => {
    const response = await context.http
      .put('/api/v1/user')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .attach('picture', Buffer.from('bytes'), 'a.jpg');

    expectBadRequest(response, /^This route takes form fields only, no files$/);
  });

  it.each([
    ['without a boundary', 'multipart/form-data', '--x\r\nnot a part\r\n'],
    [
      'under another boundary',
      'multipart/form-data; boundary=XYZ',
      '--ABC\r\nContent-Disposition: form-data; name="name"\r\n\r\nabc\r\n--ABC--\r\n',
    ],
    [
      'cut off',
      'multipart/form-data; boundary=XYZ',
      '--XYZ\r\nContent-Disposition: form-data; name="name"\r\n\r\nab',
    ],
  ])('should answer a multipart body %s', async (_case, type, body) => {
    const response = await context.http
      .put('/api/v1/user')
      .set('Authorization', `Bearer ${user.accessToken}`)
      .set('Content-Type', type)
      .send(body);

    expectBadRequest(
      response,
      /^The multipart body is malformed \(boundary or part headers\)$/,
    );
  });

  it('should send /docs/ to /docs, where the UI finds its assets', async () => {
    const response = await context.http.get('/docs/').expect(301);

    expect(response.headers.location).toBe('/docs');
  });

  describe('requests Node itself cannot parse', () => {
    let port: number;

    beforeAll(async () => {
      const server = context.app.getHttpServer();
      if (!server.listening) {
        await new Promise<void>((resolve) =>
          server.listen(0, '127.0.0.1', resolve),
        );
      }
      port = (server.address() as AddressInfo).port;
    });

    /** Sends bytes as they are and reads the whole answer. */
    const raw = (request: Buffer | string) =>
      new Promise<{ body: unknown; status: number }>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        const chunks: Buffer[] = [];
        socket.on('data', (chunk) => chunks.push(chunk));
        socket.on('error', reject);
        socket.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const [head, body] = text.split('\r\n\r\n');
          resolve({
            body: JSON.parse(body),
            status: Number(head.split(' ')[1]),
          });
        });
        socket.end(request);
      });

    it('should answer a raw non-ASCII URL with a 400 in the envelope', async () => {
      const response = await raw(
        Buffer.from(
          'GET /api/v1/spotify/search?search=café HTTP/1.1\r\nHost: x\r\n\r\n',
          'utf8',
        ),
      );

      expect(response.status).toBe(400);
      expectError(response.body);
    });

    it.each([
      [
        'a raw space in the URL',
        'GET /api/v1/spotify/search?search=a b HTTP/1.1\r\nHost: x\r\n\r\n',
        /percent-encode spaces/,
      ],
      ['a request line of garbage', 'GARBAGE\r\n\r\n', /method/],
      [
        'both Content-Length and Transfer-Encoding',
        'POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n' +
          'Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
        /not both/,
      ],
    ])('should say what is wrong with %s', async (_case, request, message) => {
      const response = await raw(request);

      expect(response.status).toBe(400);
      expectError(response.body);
      expect((response.body as { message: string }).message).toMatch(message);
    });

    it('should answer oversized headers with a 431 in the envelope', async () => {
      const response = await raw(
        `GET /api/v1/user HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      );

      expect(response.status).toBe(431);
      expectError(response.body);
    });

    it('should write nothing to a client that hangs up mid-request', async () => {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1');
        let received = '';
        socket.on('data', (chunk) => (received += chunk.toString()));
        socket.on('error', reject);
        socket.on('close', () => resolve(received));
        socket.end('POST /api/v1/login HTTP/1.1\r\nHost: x\r\nContent-Le');
      });

      expect(answer).toBe('');
    });

    it('should drop an upload the client abandons and keep serving', async () => {
      await new Promise<void>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(
            'POST /api/v1/mood-detection HTTP/1.1\r\nHost: x\r\n' +
              `Authorization: Bearer ${user.accessToken}\r\n` +
              'Content-Type: multipart/form-data; boundary=XYZ\r\n' +
              'Content-Length: 100000\r\n\r\n--XYZ\r\n' +
              'Content-Disposition: form-data; name="image"; filename="a.jpg"\r\n\r\n' +
              'x'.repeat(1000),
          );
          setTimeout(() => socket.destroy(), 100);
        });
        socket.on('close', () => resolve());
      });
    });

    it('should keep serving afterwards', async () => {
      await context.http
        .get('/api/v1/user')
        .set('Authorization', `Bearer ${user.accessToken}`)
        .expect(200);
    });
  });
});
