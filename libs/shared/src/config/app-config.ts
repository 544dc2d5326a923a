import { resolve } from 'node:path';

import { z } from 'zod';

/**
 * Secrets that are obviously examples. The service refuses to start with one
 * of them so that a copied `.env.example` never reaches production.
 */
const PLACEHOLDER_SECRET = /change[-_ ]?me|placeholder|example|secret$|^x+$/i;

const secret = z
  .string({ error: 'is required' })
  .min(32, 'must be at least 32 characters')
  .refine((value) => !PLACEHOLDER_SECRET.test(value), 'is a placeholder');

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const positiveInt = (fallback: number) =>
  z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().positive().default(fallback),
  );

const nonNegativeInt = (fallback: number) =>
  z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0).default(fallback),
  );

const envSchema = z.object({
  CATALOG_CSV: z.preprocess(emptyAsUndefined, z.string().optional()),
  DATABASE_URL: z.url({
    protocol: /^postgres(ql)?$/,
    error: 'must be a postgres:// URL',
  }),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('data')),
  IMAGEKIT_BASE_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  IMAGEKIT_FOLDER: z.preprocess(
    emptyAsUndefined,
    z.string().default('profile-pictures'),
  ),
  IMAGEKIT_PRIVATE_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
  IMAGEKIT_PUBLIC_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
  IMAGEKIT_URL_ENDPOINT: z.preprocess(emptyAsUndefined, z.url().optional()),
  JWT_ACCESS_SECRET: secret,
  JWT_ACCESS_TTL_SECONDS: positiveInt(60 * 60),
  JWT_REFRESH_SECRET: secret,
  JWT_REFRESH_TTL_SECONDS: positiveInt(30 * 24 * 60 * 60),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
  ),
  MAIL_FROM: z.preprocess(
    emptyAsUndefined,
    z.string().default('Vexora <no-reply@vexora.local>'),
  ),
  MAX_IMAGE_PIXELS: positiveInt(100_000_000),
  MAX_UPLOAD_BYTES: positiveInt(10 * 1024 * 1024),
  ML_MODELS_DIR: z.preprocess(
    emptyAsUndefined,
    z.string().default('ml-models'),
  ),
  MUSIC_SEARCH_CACHE_TTL_MS: positiveInt(2 * 60 * 1000),
  NODE_ENV: z.preprocess(
    emptyAsUndefined,
    z.enum(['development', 'production', 'test']).default('development'),
  ),
  OTP_RESEND_COOLDOWN_SECONDS: nonNegativeInt(60),
  OTP_TTL_SECONDS: positiveInt(5 * 60),
  PORT: positiveInt(5555),
  RATE_LIMIT_AUTH_PER_WINDOW: positiveInt(10),
  RATE_LIMIT_PER_WINDOW: positiveInt(120),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt(60),
  PUBLIC_BASE_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }),
  TRUST_PROXY: z.preprocess(emptyAsUndefined, z.string().default('false')),
  SMTP_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  SPOTIFY_ACCOUNTS_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^https?$/ }).default('https://accounts.spotify.com'),
  ),
  SPOTIFY_API_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^https?$/ }).default('https://api.spotify.com/v1'),
  ),
  SPOTIFY_CLIENT_ID: z.preprocess(emptyAsUndefined, z.string().optional()),
  SPOTIFY_CLIENT_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
  SPOTIFY_MARKET: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
      .default('US'),
  ),
  SPOTIFY_MAX_RETRY_AFTER_SECONDS: nonNegativeInt(2),
  SPOTIFY_TIMEOUT_MS: positiveInt(3000),
});

export type Environment = z.infer<typeof envSchema>;

export interface ImageKitSettings {
  /** Overrides both SDK hosts (api. and upload.imagekit.io); for tests. */
  baseUrl?: string;
  folder: string;
  privateKey: string;
  urlEndpoint: string;
}

const IMAGEKIT_KEYS = [
  'IMAGEKIT_PRIVATE_KEY',
  'IMAGEKIT_PUBLIC_KEY',
  'IMAGEKIT_URL_ENDPOINT',
] as const;

function imagekitSettings(env: Environment): ImageKitSettings | undefined {
  if (!env.IMAGEKIT_PRIVATE_KEY || !env.IMAGEKIT_URL_ENDPOINT) {
    return undefined;
  }

  return {
    baseUrl: env.IMAGEKIT_BASE_URL,
    folder: env.IMAGEKIT_FOLDER,
    privateKey: env.IMAGEKIT_PRIVATE_KEY,
    urlEndpoint: env.IMAGEKIT_URL_ENDPOINT.replace(/\/+$/, ''),
  };
}

export interface SpotifySettings {
  /** Base of the token endpoint (`/api/token` is appended). */
  accountsUrl: string;
  /** Base of the Web API, `/v1` included. */
  apiUrl: string;
  clientId: string;
  clientSecret: string;
  /** ISO country code sent with searches, so results are playable there. */
  market: string;
  /** Longest `Retry-After` waited out within a request; longer ones back off. */
  maxRetryAfterSeconds: number;
  timeoutMs: number;
}

const SPOTIFY_KEYS = ['SPOTIFY_CLIENT_ID', 'SPOTIFY_CLIENT_SECRET'] as const;

function spotifySettings(env: Environment): SpotifySettings | undefined {
  if (!env.SPOTIFY_CLIENT_ID || !env.SPOTIFY_CLIENT_SECRET) {
    return undefined;
  }

  return {
    accountsUrl: env.SPOTIFY_ACCOUNTS_URL.replace(/\/+$/, ''),
    apiUrl: env.SPOTIFY_API_URL.replace(/\/+$/, ''),
    clientId: env.SPOTIFY_CLIENT_ID,
    clientSecret: env.SPOTIFY_CLIENT_SECRET,
    market: env.SPOTIFY_MARKET,
    maxRetryAfterSeconds: env.SPOTIFY_MAX_RETRY_AFTER_SECONDS,
    timeoutMs: env.SPOTIFY_TIMEOUT_MS,
  };
}

/** The typed, validated configuration tree; also the DI token for it. */
export class AppConfig {
  readonly env: Environment['NODE_ENV'];
  readonly port: number;
  readonly publicBaseUrl: string;
  readonly logLevel: Environment['LOG_LEVEL'];
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly dataDir: string;
  /** Express "trust proxy": which hops may set X-Forwarded-For (client IPs for rate limits). */
  readonly trustProxy: boolean | number | string;
  readonly auth: {
    accessSecret: string;
    accessTtlSeconds: number;
    otpResendCooldownSeconds: number;
    otpTtlSeconds: number;
    refreshSecret: string;
    refreshTtlSeconds: number;
  };
  readonly mail: { from: string; smtpUrl?: string };
  /** Requests per window: per IP when anonymous, per user when signed in. */
  readonly rateLimit: {
    authPerWindow: number;
    perWindow: number;
    windowSeconds: number;
  };
  readonly images: { maxPixels: number; maxUploadBytes: number };
  readonly emotion: { modelsDir: string };
  readonly music: { catalogCsv?: string; searchCacheTtlMs: number };
  /** Spotify Web API (client credentials) when both keys are set, else undefined. */
  readonly spotify?: SpotifySettings;
  /** Where profile pictures go: ImageKit when configured, else local disk. */
  readonly storage: { imagekit?: ImageKitSettings };

  constructor(env: Environment) {
    this.env = env.NODE_ENV;
    this.port = env.PORT;
    this.publicBaseUrl = (
      env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`
    ).replace(/\/+$/, '');
    this.logLevel = env.LOG_LEVEL;
    this.databaseUrl = env.DATABASE_URL;
    this.redisUrl = env.REDIS_URL;
    this.dataDir = resolve(env.DATA_DIR);
    this.trustProxy = parseTrustProxy(env.TRUST_PROXY);
    this.auth = {
      accessSecret: env.JWT_ACCESS_SECRET,
      accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS,
      otpResendCooldownSeconds: env.OTP_RESEND_COOLDOWN_SECONDS,
      otpTtlSeconds: env.OTP_TTL_SECONDS,
      refreshSecret: env.JWT_REFRESH_SECRET,
      refreshTtlSeconds: env.JWT_REFRESH_TTL_SECONDS,
    };
    this.mail = { from: env.MAIL_FROM, smtpUrl: env.SMTP_URL };
    this.rateLimit = {
      authPerWindow: env.RATE_LIMIT_AUTH_PER_WINDOW,
      perWindow: env.RATE_LIMIT_PER_WINDOW,
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
    };
    this.images = {
      maxPixels: env.MAX_IMAGE_PIXELS,
      maxUploadBytes: env.MAX_UPLOAD_BYTES,
    };
    this.emotion = { modelsDir: resolve(env.ML_MODELS_DIR) };
    this.music = {
      catalogCsv: env.CATALOG_CSV,
      searchCacheTtlMs: env.MUSIC_SEARCH_CACHE_TTL_MS,
    };
    this.spotify = spotifySettings(env);
    this.storage = { imagekit: imagekitSettings(env) };
  }

  /** Builds an absolute URL under the public base for a path of this service. */
  publicUrl(path: string): string {
    return `${this.publicBaseUrl}/${path.replace(/^\/+/, '')}`;
  }
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') {
    return value === 'true';
  }

  return /^\d+$/.test(value) ? Number(value) : value;
}

export class InvalidConfigError extends Error {}

/** Parses the environment once; throws one error naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')} ${issue.message}`)
      .join('; ');

    throw new InvalidConfigError(`Invalid configuration: ${problems}`);
  }

  if (parsed.data.JWT_ACCESS_SECRET === parsed.data.JWT_REFRESH_SECRET) {
    throw new InvalidConfigError(
      'Invalid configuration: JWT_ACCESS_SECRET and JWT_REFRESH_SECRET must differ',
    );
  }

  const imagekitSet = IMAGEKIT_KEYS.filter(
    (key) => parsed.data[key] !== undefined,
  );
  if (imagekitSet.length > 0 && imagekitSet.length < IMAGEKIT_KEYS.length) {
    throw new InvalidConfigError(
      `Invalid configuration: set all of ${IMAGEKIT_KEYS.join(', ')} to use ImageKit, or none of them`,
    );
  }

  const spotifySet = SPOTIFY_KEYS.filter(
    (key) => parsed.data[key] !== undefined,
  );
  if (spotifySet.length === 1) {
    throw new InvalidConfigError(
      `Invalid configuration: set both ${SPOTIFY_KEYS.join(' and ')} to use Spotify, or neither`,
    );
  }

  return new AppConfig(parsed.data);
}
