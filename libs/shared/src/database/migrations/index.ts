import { CreateInitialSchema1764790000000 } from './1764790000000-create-initial-schema';

/**
 * Listed explicitly rather than globbed so the same list works from the
 * compiled build, ts-node and the test runner.
 */
export const MIGRATIONS = [CreateInitialSchema1764790000000];
