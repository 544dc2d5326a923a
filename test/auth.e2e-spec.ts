import { randomUUID } from 'node:crypto';

import { JwtService } from '@nestjs/jwt';

import {
  signUp,
  SignedInUser,
  startTestApp,
  TestContext,
  uniqueUser,
} from './support/test-app';
import { expectError } from './support/envelope';

const jwt = new JwtService();

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(
    Buffer.from(token.split('.')[1], 'base64url').toString('utf8'),
  );
}

describe('accounts (e2e)', () => {
  let context: TestContext;

  beforeAll(async () => {
    context = await startTestApp();
  });

  afterAll(async () => {
    await context.close();
  });

  const me = (token: string) =>
    context.http.get('/api/v1/user').set('Authorization', `Bearer ${token}`);

  const login = (username: string, password: string) =>
    context.http.post('/api/v1/login').send({ password, username });

  const refresh = (refreshToken: string) =>
    context.http.post('/api/v1/refresh').send({ refresh_token: refreshToken });

  describe('auth-failure matrix', () => {
    let user: SignedInUser;
    let revokedAccessToken: string;
    let spentRefreshToken: string;

    beforeAll(async () => {
      user = await signUp(context, 'matrix');

      const session = await login(
        user.username,
        'a-long-enough-password',
      ).expect(200);
      revokedAccessToken = session.body.data.access_token;
      await context.http
        .post('/api/v1/logout')
        .set('Authorization', `Bearer ${revokedAccessToken}`)
        .send({ refresh_token: session.body.data.refresh_token })
        .expect(200);

      const other = await login(user.username, 'a-long-enough-password').expect(
        200,
      );
      spentRefreshToken = other.body.data.refresh_token;
      await refresh(spentRefreshToken).expect(200);
    });

    const forged = () => {
      const claims = claimsOf(user.accessToken);

      return {
        expired: jwt.sign(
          {
            sid: claims.sid,
            typ: 'access',
            username: user.username,
            uuid: user.uuid,
          },
          {
            expiresIn: -10,
            jwtid: randomUUID(),
            secret: process.env.JWT_ACCESS_SECRET,
            subject: user.uuid,
          },
        ),
        noneAlgorithm: `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${user.accessToken.split('.')[1]}.`,
        wrongSignature: jwt.sign(
          {
            sid: claims.sid,
            typ: 'access',
            username: user.username,
            uuid: user.uuid,
          },
          {
            expiresIn: 600,
            jwtid: randomUUID(),
            secret: 'some-other-secret-of-sufficient-length-123456',
            subject: user.uuid,
          },
        ),
      };
    };

    it.each([
      ['no Authorization header', () => undefined],
      ['"Bearer" with nothing', () => 'Bearer'],
      ['"Bearer " and a space', () => 'Bearer '],
      ['a garbage token', () => 'Bearer garbage'],
      ['a three-part garbage token', () => 'Bearer aaa.bbb.ccc'],
      ['another scheme', () => `Token ${user.accessToken}`],
      ['a wrong signature', () => `Bearer ${forged().wrongSignature}`],
      ['an unsigned token', () => `Bearer ${forged().noneAlgorithm}`],
      ['an expired token', () => `Bearer ${forged().expired}`],
      ['a refresh token as access token', () => `Bearer ${user.refreshToken}`],
      ['a revoked access token', () => `Bearer ${revokedAccessToken}`],
    ])('should answer 401 for %s', async (_case, header) => {
      const value = header();
      const call = context.http.get('/api/v1/user');
      const response = await (
        value === undefined ? call : call.set('Authorization', value)
      ).expect(401);

      expectError(response.body);
    });

    it('should answer 401 when a rotated refresh token is used again', async () => {
      const response = await refresh(spentRefreshToken).expect(401);

      expectError(response.body);
    });

    it('should not accept an access token as refresh token', async () => {
      await refresh(user.accessToken).expect(401);
    });

    it('should still serve after all of the above', async () => {
      await me(user.accessToken).expect(200);
    });
  });

  describe('refresh and logout', () => {
    it('should rotate the refresh token and end the session when an old one comes back', async () => {
      const user = await signUp(context, 'rotate');

      const first = await refresh(user.refreshToken).expect(200);
      const second = await refresh(first.body.data.refresh_token).expect(200);
      expect(second.body.data.refresh_token).not.toBe(
        first.body.data.refresh_token,
      );
      await me(second.body.data.access_token).expect(200);

      await refresh(user.refreshToken).expect(401);

      // Reuse ends the whole login: the newest tokens die with it.
      await refresh(second.body.data.refresh_token).expect(401);
      await me(second.body.data.access_token).expect(401);
    });

    it('should end the access and refresh token on logout', async () => {
      const user = await signUp(context, 'logout');

      await context.http
        .post('/api/v1/logout')
        .set('Authorization', `Bearer ${user.accessToken}`)
        .send({ refresh_token: user.refreshToken })
        .expect(200);

      await me(user.accessToken).expect(401);
      await refresh(user.refreshToken).expect(401);
    });

    it('should leave other sessions of the user alone on logout', async () => {
      const user = await signUp(context, 'twodev');
      const phone = await login(user.username, 'a-long-enough-password').expect(
        200,
      );

      await context.http
        .post('/api/v1/logout')
        .set('Authorization', `Bearer ${user.accessToken}`)
        .send({ refresh_token: user.refreshToken })
        .expect(200);

      await me(phone.body.data.access_token).expect(200);
    });
  });

  describe('one-time codes', () => {
    it('should answer send-otp the same way for an unknown address', async () => {
      const known = await signUp(context, 'known');

      const forKnown = await context.http
        .post('/api/v1/send-otp')
        .send({ email: known.email })
        .expect(200);
      const forUnknown = await context.http
        .post('/api/v1/send-otp')
        .send({ email: `nobody-${Date.now()}@example.test` })
        .expect(200);

      expect(forUnknown.body).toEqual(forKnown.body);
    });

    it('should void a code after 5 wrong guesses, even for the right code', async () => {
      const user = uniqueUser('guess');
      await context.http.post('/api/v1/register').send(user).expect(200);
      const since = context.mail.messages.length;
      await context.http
        .post('/api/v1/send-otp')
        .send({ email: user.email })
        .expect(200);
      const otp = await context.mail.nextCodeFor(user.email, since);
      const wrong = String((Number(otp) + 1) % 1_000_000).padStart(6, '0');

      const messages = new Set<string>();
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const response = await context.http
          .post('/api/v1/verify-email')
          .send({ email: user.email, otp: wrong })
          .expect(400);
        messages.add(response.body.message);
      }

      const sixth = await context.http
        .post('/api/v1/verify-email')
        .send({ email: user.email, otp })
        .expect(400);
      messages.add(sixth.body.message);
      expect(messages.size).toBe(1);
    });

    it('should reset the password only with a reset code mailed to that account', async () => {
      const owner = await signUp(context, 'reseta');
      const other = await signUp(context, 'resetb');

      const since = context.mail.messages.length;
      await context.http
        .post('/api/v1/send-otp')
        .send({ email: owner.email })
        .expect(200);
      const otp = await context.mail.nextCodeFor(owner.email, since);

      const denied = await context.http
        .post('/api/v1/reset-password')
        .send({ email: other.email, new_password: 'stolen-account-pass', otp })
        .expect(400);
      expectError(denied.body);

      await context.http
        .post('/api/v1/reset-password')
        .send({ email: owner.email, new_password: 'a-brand-new-password', otp })
        .expect(200);

      await login(owner.username, 'a-long-enough-password').expect(401);
      await login(owner.username, 'a-brand-new-password').expect(200);
      await login(other.username, 'a-long-enough-password').expect(200);
      // Every session that existed before the reset is over.
      await me(owner.accessToken).expect(401);
      await refresh(owner.refreshToken).expect(401);
    });
  });

  describe('profile and password', () => {
    it('should change the password, keep this session and end the others', async () => {
      const user = await signUp(context, 'chpw');
      const other = await login(user.username, 'a-long-enough-password').expect(
        200,
      );

      const wrong = await context.http
        .put('/api/v1/user/change-password')
        .set('Authorization', `Bearer ${user.accessToken}`)
        .send({
          new_password: 'another-long-pass',
          previous_password: 'not-my-password',
        })
        .expect(401);
      expectError(wrong.body);

      const same = await context.http
        .put('/api/v1/user/change-password')
        .set('Authorization', `Bearer ${user.accessToken}`)
        .send({
          new_password: 'a-long-enough-password',
          previous_password: 'a-long-enough-password',
        })
        .expect(400);
      expect(same.body.message).toBe(
        'new_password must differ from the current password',
      );
      await me(other.body.data.access_token).expect(200);

      await context.http
        .put('/api/v1/user/change-password')
        .set('Authorization', `Bearer ${user.accessToken}`)
        .send({
          new_password: 'another-long-pass',
          previous_password: 'a-long-enough-password',
        })
        .expect(200);

      await me(user.accessToken).expect(200);
      await refresh(user.refreshToken).expect(200);
      await me(other.body.data.access_token).expect(401);
      await refresh(other.body.data.refresh_token).expect(401);
      await login(user.username, 'a-long-enough-password').expect(401);
      await login(user.username, 'another-long-pass').expect(200);
    });

    it('should update name and username from JSON or a form, and refuse a taken username', async () => {
      const user = await signUp(context, 'prof');
      const rival = await signUp(context, 'rival');

      const json = await context.http
        .put('/api/v1/user')
        .set('Authorization', `Bearer ${user.accessToken}`)
        .send({ name: '  Ada L.  ' })
        .expect(200);
      expect(json.body.data).toMatchObject({
        name: 'Ada L.',
        username: user.username,
      });

      const newName = `ｆｕｌｌ${Date.now().toString(36)}`;
      const form = await context.http
        .put('/api/v1/user')
        .set('Authorization', `Bearer ${user.accessToken}`)
        .field('username', newName)
        .field('user_id', 'ignored')
        .expect(200);
      expect(form.body.data.username).toBe(newName.normalize('NFKC'));

      const taken = await context.http
        .put('/api/v1/user')
        .set('Authorization', `Bearer ${user.accessToken}`)
        .send({ username: rival.username.toUpperCase() })
        .expect(409);
      expectError(taken.body);

      const profile = await me(user.accessToken).expect(200);
      expect(profile.body.data.username).toBe(newName.normalize('NFKC'));
      expect(JSON.stringify(profile.body)).not.toMatch(
        /argon2|password_hash|otp/i,
      );
    });

    it('should treat e-mails case- and space-insensitively', async () => {
      const user = uniqueUser('mail');
      await context.http
        .post('/api/v1/register')
        .send({ ...user, email: `  ${user.email.toUpperCase()} ` })
        .expect(200);

      const again = await context.http
        .post('/api/v1/register')
        .send({ ...uniqueUser('mail2'), email: user.email })
        .expect(409);
      expectError(again.body);
    });

    it.each([
      [
        'a 1,000-character password',
        { password: 'x'.repeat(1000) },
        /password/,
      ],
      ['a 7-character password', { password: 'short12' }, /password/],
      ['a 31-character username', { username: 'u'.repeat(31) }, /username/],
      ['a 51-character name', { name: 'n'.repeat(51) }, /name/],
      ['an invalid e-mail', { email: 'not-an-email' }, /email/],
      ['a number as name', { name: 42 }, /name/],
    ])(
      'should answer 400 naming the field for %s',
      async (_case, override, field) => {
        const response = await context.http
          .post('/api/v1/register')
          .send({ ...uniqueUser('bad'), ...override })
          .expect(400);

        expectError(response.body);
        expect(response.body.message).toMatch(field);
      },
    );

    it('should answer 400, not crash, for a 1,000-character password at login', async () => {
      const response = await login('someone', 'x'.repeat(1000)).expect(400);

      expectError(response.body);
    });
  });
});
