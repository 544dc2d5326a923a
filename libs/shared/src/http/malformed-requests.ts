import { STATUS_CODES } from 'node:http';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';

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

const MESSAGE_BY_STATUS: Record<number, string> = {
  400:
    'The request is not valid HTTP; characters outside ASCII in the URL ' +
    'must be percent-encoded',
  408: 'The request took too long to arrive',
  413: 'The request body is malformed',
  431: 'The request headers are too large',
};

/**
 * Node refuses requests its HTTP parser cannot read (a raw "é" in the URL,
 * headers over 16 KB) before Express sees them, and answers with an empty
 * body. This writes the same status with the service's error envelope, so a
 * client reads every refusal the same way.
 */
export function answerMalformedRequests(server: Server): void {
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
    const body = JSON.stringify(errorEnvelope(MESSAGE_BY_STATUS[status]));
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
