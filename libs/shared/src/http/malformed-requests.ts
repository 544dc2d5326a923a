import { STATUS_CODES } from 'node:http';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

import { Logger } from '@nestjs/common';

import { errorEnvelope } from './envelope';

interface ParserError extends Error {
  code?: string;
}

/**
 * What the client got wrong, by Node's parser code, with the status Node
 * itself would answer; any other code is a 400 with a generic message.
 */
const REFUSALS: Record<string, { message: string; status: number }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    message: 'The request took too long to arrive',
    status: 408,
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    message: 'The chunked request body is malformed',
    status: 413,
  },
  HPE_HEADER_OVERFLOW: {
    message: 'The request headers are too large (16 KB at most)',
    status: 431,
  },
  HPE_INVALID_CONSTANT: {
    message: 'The request line is malformed; percent-encode spaces in the URL',
    status: 400,
  },
  HPE_INVALID_HEADER_TOKEN: {
    message: 'A request header holds a character not allowed',
    status: 400,
  },
  HPE_INVALID_METHOD: {
    message: 'The request method is not valid HTTP',
    status: 400,
  },
  HPE_INVALID_TRANSFER_ENCODING: {
    message: 'Send either Content-Length or Transfer-Encoding, not both',
    status: 400,
  },
  HPE_INVALID_URL: {
    message: 'The URL is not valid; percent-encode characters outside ASCII',
    status: 400,
  },
};

const GENERIC_REFUSAL = {
  message: 'The request is not valid HTTP',
  status: 400,
};

/**
 * Node refuses requests its HTTP parser cannot read (a raw "é" in the URL,
 * headers over 16 KB) before Express sees them, and answers with an empty
 * body. This writes the same status with the service's error envelope, so a
 * client reads every refusal the same way.
 */
export function answerMalformedRequests(server: Server): void {
  const logger = new Logger('HttpParser');

  server.on('clientError', (error: ParserError, socket: Socket) => {
    const pending = (
      socket as Socket & { _httpMessage?: { headersSent?: boolean } }
    )._httpMessage;
    // The client hung up (reset, or ended mid-request), or an answer has
    // begun already: there is nothing to tell it.
    if (
      error.code === 'ECONNRESET' ||
      error.code === 'HPE_INVALID_EOF_STATE' ||
      !socket.writable ||
      socket.bytesWritten > 0 ||
      pending?.headersSent
    ) {
      socket.destroy();

      return;
    }

    const { message, status } = REFUSALS[error.code ?? ''] ?? GENERIC_REFUSAL;
    logger.warn(`Refused an unparsable request (${error.code}) -> ${status}`);
    const body = JSON.stringify(errorEnvelope(message));
    socket.end(
      [
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}
