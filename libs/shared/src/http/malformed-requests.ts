import { STATUS_CODES } from 'node:http';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

import { Logger } from '@nestjs/common';

import { errorEnvelope } from './envelope';

interface ParserError extends Error {
  code?: string;
}

/** Node's parser codes that deserve more than a plain 400, as Node maps them. */
const STATUS_BY_CODE: Record<string, number> = {
  ERR_HTTP_REQUEST_TIMEOUT: 408,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  HPE_HEADER_OVERFLOW: 431,
};

/** What the client got wrong, by Node's parser code; the rest is generic. */
const MESSAGE_BY_CODE: Record<string, string> = {
  ERR_HTTP_REQUEST_TIMEOUT: 'The request took too long to arrive',
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 'The chunked request body is malformed',
  HPE_HEADER_OVERFLOW: 'The request headers are too large (16 KB at most)',
  HPE_INVALID_CONSTANT:
    'The request line is malformed; percent-encode spaces in the URL',
  HPE_INVALID_HEADER_TOKEN: 'A request header holds a character not allowed',
  HPE_INVALID_METHOD: 'The request method is not valid HTTP',
  HPE_INVALID_TRANSFER_ENCODING:
    'Send either Content-Length or Transfer-Encoding, not both',
  HPE_INVALID_URL:
    'The URL is not valid; percent-encode characters outside ASCII',
};

const GENERIC_MESSAGE = 'The request is not valid HTTP';

/**
 * Node refuses requests its HTTP parser cannot read (a raw "é" in the URL,
 * headers over 16 KB) before Express sees them, and answers with an empty
 * body. This writes the same status with the service's error envelope, so a
 * client reads every refusal the same way.
 */
export function answerMalformedRequests(server: Server): void {
  const logger = new Logger('HttpParser');

  server.on('clientError', (error: ParserError, socket: Duplex) => {
    const pending = (
      socket as Duplex & { _httpMessage?: { headersSent?: boolean } }
    )._httpMessage;
    if (
      error.code === 'ECONNRESET' ||
      !socket.writable ||
      pending?.headersSent
    ) {
      socket.destroy();

      return;
    }

    const status = STATUS_BY_CODE[error.code ?? ''] ?? 400;
    const message = MESSAGE_BY_CODE[error.code ?? ''] ?? GENERIC_MESSAGE;
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
