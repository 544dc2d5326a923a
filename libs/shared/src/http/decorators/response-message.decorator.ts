import { SetMetadata } from '@nestjs/common';

export const RESPONSE_MESSAGE_KEY = 'vexora:response-message';

export interface ResponseMessageOptions {
  message: string;
  shouldNotify?: boolean;
}

/** The `message` (and whether the app shows it) for a successful response. */
export const ResponseMessage = (message: string, shouldNotify = false) =>
  SetMetadata(RESPONSE_MESSAGE_KEY, {
    message,
    shouldNotify,
  } satisfies ResponseMessageOptions);
