import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'vexora:is-public';

/** Opens a route to anonymous callers; every other route needs a bearer token. */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);
