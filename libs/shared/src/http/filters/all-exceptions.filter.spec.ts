import {
  ArgumentsHost,
  BadRequestException,
  PayloadTooLargeException,
} from '@nestjs/common';
import { QueryFailedError } from 'typeorm';

import { DomainError, ErrorCode } from '../../errors/domain-error';
import { AllExceptionsFilter } from './all-exceptions.filter';

function fakeHost(socket = { destroyed: false }) {
  const response = {
    headersSent: false,
    json: jest.fn(),
    setHeader: jest.fn(),
    status: jest.fn(),
  };
  response.status.mockReturnValue(response);
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({
        method: 'POST',
        originalUrl: '/api/v1/login',
        socket,
      }),
      getResponse: () => response,
    }),
  } as unknown as ArgumentsHost;

  return { host, response };
}

describe(AllExceptionsFilter.name, () => {
  const filter = new AllExceptionsFilter();

  it('should map a domain error code to its status with the envelope', () => {
    const { host, response } = fakeHost();

    filter.catch(new DomainError(ErrorCode.NoFaceDetected, 'No face'), host);

    expect(response.status).toHaveBeenCalledWith(422);
    expect(response.json).toHaveBeenCalledWith({
      data: null,
      message: 'No face',
      shouldNotify: true,
      success: false,
    });
  });

  it('should send Retry-After for a rate-limited error', () => {
    const { host, response } = fakeHost();

    filter.catch(
      new DomainError(ErrorCode.RateLimited, 'Slow down', {
        retryAfterSeconds: 41.2,
      }),
      host,
    );

    expect(response.status).toHaveBeenCalledWith(429);
    expect(response.setHeader).toHaveBeenCalledWith('Retry-After', '42');
  });

  it('should keep the status and text of framework 4xx errors', () => {
    const { host, response } = fakeHost();

    filter.catch(
      new BadRequestException('email must be a valid e-mail address'),
      host,
    );

    expect(response.status).toHaveBeenCalledWith(400);
    expect(response.json).toHaveBeenCalledWith(
      expect.objectContaining({
        message: 'email must be a valid e-mail address',
      }),
    );
  });

  it('should answer 413 for an oversized upload', () => {
    const { host, response } = fakeHost();

    filter.catch(new PayloadTooLargeException('File too large'), host);

    expect(response.status).toHaveBeenCalledWith(413);
  });

  it('should never leak the text of an unexpected error', () => {
    const { host, response } = fakeHost();
    const error = new QueryFailedError(
      'SELECT * FROM users',
      [],
      new Error('relation "users" does not exist'),
    );

    filter.catch(error, host);

    expect(response.status).toHaveBeenCalledWith(500);
    const body = response.json.mock.calls[0][0];
    expect(body.message).not.toMatch(/users|SELECT|relation/);
    expect(body).toMatchObject({ data: null, success: false });
  });

  it('should answer nothing to a client that already hung up', () => {
    const { host, response } = fakeHost({ destroyed: true });

    filter.catch(new Error('Request aborted'), host);

    expect(response.status).not.toHaveBeenCalled();
    expect(response.json).not.toHaveBeenCalled();
  });
});
